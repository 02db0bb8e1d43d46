import Fluent
import Foundation

extension SubscriberModel {
    /// The subscriber with this address, whatever its state.
    static func find(email: String, on db: any Database) async throws -> SubscriberModel? {
        try await SubscriberModel.query(on: db).filter(\.$email == email).first()
    }

    /// Makes the address pending with a fresh confirmation (new or re-sent); false, and
    /// nothing changed, when it is already confirmed.
    static func awaitConfirmation(email: String, confirmHash: String, expiresAt: Date, on db: any Database) async throws -> Bool {
        let existing = try await find(email: email, on: db)
        if let existing, existing.state == .confirmed { return false }
        let subscriber = existing ?? SubscriberModel(email: email)
        subscriber.state = .pending
        subscriber.confirmHash = confirmHash
        subscriber.confirmExpiresAt = expiresAt
        try await subscriber.save(on: db)
        return true
    }

    /// Confirms the subscription whose single-use token hashes to `confirmHash`; false when
    /// no subscription waits on it or its link expired by `now`.
    static func confirm(confirmHash: String, now: Date, on db: any Database) async throws -> Bool {
        guard let subscriber = try await SubscriberModel.query(on: db).filter(\.$confirmHash == confirmHash).first(),
            let expires = subscriber.confirmExpiresAt, expires > now
        else { return false }
        subscriber.state = .confirmed
        subscriber.confirmHash = nil
        subscriber.confirmExpiresAt = nil
        subscriber.confirmedAt = now
        try await subscriber.save(on: db)
        return true
    }

    /// Unsubscribes (idempotent: an earlier date is kept); false when there is no such subscriber.
    static func unsubscribe(id: UUID, now: Date, on db: any Database) async throws -> Bool {
        guard let subscriber = try await SubscriberModel.find(id, on: db) else { return false }
        if subscriber.state != .unsubscribed {
            subscriber.state = .unsubscribed
            subscriber.unsubscribedAt = now
            try await subscriber.save(on: db)
        }
        return true
    }

    /// A page of confirmed subscribers' ids after `after`, in id order (for flat-memory paging).
    static func confirmedIDs(after: UUID?, limit: Int, on db: any Database) async throws -> [UUID] {
        var query = SubscriberModel.query(on: db).filter(\.$stateRaw == State.confirmed.rawValue)
        if let after { query = query.filter(\.$id > after) }
        return try await query.sort(\.$id).limit(limit).all(\.$id)
    }

    /// Records a permanent delivery failure: the address gets no more mail.
    static func markBounced(_ subscriber: SubscriberModel, on db: any Database) async throws {
        subscriber.state = .bounced
        try await subscriber.save(on: db)
    }

    /// A page of subscribers, newest first, in one state or all.
    static func page(state: State?, offset: Int, limit: Int, on db: any Database) async throws -> [SubscriberModel] {
        var query = SubscriberModel.query(on: db)
        if let state { query = query.filter(\.$stateRaw == state.rawValue) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$email).range(offset..<(offset + limit)).all()
    }

    static func count(state: State, on db: any Database) async throws -> Int {
        try await SubscriberModel.query(on: db).filter(\.$stateRaw == state.rawValue).count()
    }
}
