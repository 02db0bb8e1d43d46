import Fluent
import Foundation

extension LoginAttemptModel {
    /// Stores a not-yet-successful attempt; returns its id.
    static func record(account: String, network: String, at: Date, on db: any Database) async throws -> UUID {
        let attempt = LoginAttemptModel(account: account, network: network, succeeded: false, at: at)
        try await attempt.create(on: db)
        return try attempt.requireID()
    }

    /// When the account last signed in successfully since `since`, if it did.
    static func lastSuccess(account: String, since: Date, on db: any Database) async throws -> Date? {
        try await LoginAttemptModel.query(on: db).filter(\.$account == account)
            .filter(\.$succeeded == true).filter(\.$at >= since).sort(\.$at, .descending).first()?.at
    }

    /// Times of the account's failed attempts since `since`, oldest first.
    static func failures(account: String, since: Date, on db: any Database) async throws -> [Date] {
        try await LoginAttemptModel.query(on: db).filter(\.$account == account)
            .filter(\.$succeeded == false).filter(\.$at >= since).sort(\.$at).all(\.$at)
    }

    /// Times of the network's failed attempts since `since`, oldest first.
    static func failures(network: String, since: Date, on db: any Database) async throws -> [Date] {
        try await LoginAttemptModel.query(on: db).filter(\.$network == network)
            .filter(\.$succeeded == false).filter(\.$at >= since).sort(\.$at).all(\.$at)
    }

    /// Forgets one attempt (one that was held, so it does not count).
    static func forget(_ id: UUID, on db: any Database) async throws {
        try await LoginAttemptModel.query(on: db).filter(\.$id == id).delete()
    }

    /// Drops every attempt made before `before`.
    static func prune(before: Date, on db: any Database) async throws {
        try await LoginAttemptModel.query(on: db).filter(\.$at < before).delete()
    }

    /// Marks an attempt that turned out to be right.
    static func markSucceeded(_ id: UUID, on db: any Database) async throws {
        try await LoginAttemptModel.query(on: db).filter(\.$id == id).set(\.$succeeded, to: true).update()
    }
}
