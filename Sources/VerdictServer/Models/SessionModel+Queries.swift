import Fluent
import Foundation

extension SessionModel {
    /// Stores a new session for `user`, keyed by the SHA-256 of its cookie secret.
    static func start(user: UUID, tokenHash: String, now: Date, expiresAt: Date, on db: any Database) async throws {
        let row = SessionModel()
        row.tokenHash = tokenHash
        row.$user.id = user
        row.createdAt = now
        row.lastSeenAt = now
        row.expiresAt = expiresAt
        try await row.create(on: db)
    }

    /// The session with this token hash, its user loaded.
    static func find(tokenHash: String, on db: any Database) async throws -> SessionModel? {
        try await SessionModel.query(on: db).filter(\.$tokenHash == tokenHash).with(\.$user).first()
    }

    /// Ends the session with this token hash (none: nothing happens).
    static func end(tokenHash: String, on db: any Database) async throws {
        try await SessionModel.query(on: db).filter(\.$tokenHash == tokenHash).delete()
    }

    /// Ends every session of one account.
    static func endAll(user: UUID, on db: any Database) async throws {
        try await SessionModel.query(on: db).filter(\.$user.$id == user).delete()
    }

    /// Records that the session was used at `now`.
    static func touch(_ row: SessionModel, now: Date, on db: any Database) async throws {
        row.lastSeenAt = now
        try await row.save(on: db)
    }
}
