import Fluent
import FluentSQL
import Foundation

extension SubscriberModel {
    /// The subscriber with this address, whatever its state.
    static func find(email: String, on db: any Database) async throws -> SubscriberModel? {
        try await SubscriberModel.query(on: db).filter(\.$email == email).first()
    }

    /// Confirms the subscription whose single-use token hashes to `confirmHash`; false when
    /// no subscription waits on it or its link expired by `now`. One conditional UPDATE, so of
    /// any number of concurrent confirmations exactly one changes the row and wins.
    static func confirm(confirmHash: String, now: Date, on db: any Database) async throws -> Bool {
        let rows = try await db.sql().update(schema)
            .set("state", to: State.confirmed.rawValue).set("confirmed_at", to: now)
            .set("confirm_hash", to: SQLLiteral.null).set("confirm_expires_at", to: SQLLiteral.null)
            .set("confirm_nonce", to: SQLLiteral.null)
            .where("confirm_hash", .equal, confirmHash).where("state", .equal, State.pending.rawValue)
            .where("confirm_expires_at", .greaterThan, now)
            .returning("id").all()
        return !rows.isEmpty
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

    /// How many subscribers are in each of the four states, by state name (0 for an empty
    /// state), in one grouped count.
    static func countsByState(on db: any Database) async throws -> [String: Int] {
        let grouped = try await db.countsGrouped(by: "state", in: schema)
        let states = [State.pending, .confirmed, .unsubscribed, .bounced]
        return Dictionary(uniqueKeysWithValues: states.map { ($0.rawValue, grouped[$0.rawValue] ?? 0) })
    }
}

/// One subscribe request as the database sees it: what to store if a new link is due, and
/// the claim that marks this request as the one that mails it.
struct ConfirmationRequest: Sendable {
    var email: String
    /// A fresh nonce and the hash of the token derived from it, used only when no live link exists.
    var nonce: String
    var confirmHash: String
    var claim: String
    var now: Date
    /// A mail is due only when the last one went out at or before this moment.
    var resendAfter: Date
    var expiresAt: Date
}

extension SubscriberModel {
    /// Upserts the address's row in one statement, whatever its state, so every subscribe does
    /// the same work (one row written) and concurrent ones cannot collide on the unique email.
    /// Returns the nonce to mail a link for when this request won the mail, nil otherwise.
    ///
    /// A mail is due when the address is not confirmed and none went out since `resendAfter`.
    /// A pending link that has not expired keeps its nonce (the reader's first mail keeps
    /// working) and gets a new expiry; otherwise a fresh nonce replaces it. `requested_at` changes
    /// every time, so the row is written even when nothing is due (SQLite skips writing an
    /// unchanged row) and a known address costs what a new one costs.
    static func requestConfirmation(_ r: ConfirmationRequest, on db: any Database) async throws -> String? {
        let due: SQLQueryString = """
            (subscribers.state <> \(bind: State.confirmed.rawValue) \
            AND (subscribers.confirm_sent_at IS NULL OR subscribers.confirm_sent_at <= \(bind: r.resendAfter)))
            """
        let live: SQLQueryString = """
            (subscribers.state = \(bind: State.pending.rawValue) AND subscribers.confirm_nonce IS NOT NULL \
            AND subscribers.confirm_expires_at > \(bind: r.now))
            """
        // NOT due → old value; due with a live link → old value; else the new one. A NULL test
        // falls through to the new value.
        func renewed(_ column: String) -> SQLQueryString {
            "\(ident: column) = CASE WHEN NOT \(due) THEN subscribers.\(ident: column) WHEN \(live) THEN subscribers.\(ident: column) ELSE excluded.\(ident: column) END"
        }
        func whenDue(_ column: String) -> SQLQueryString {
            "\(ident: column) = CASE WHEN \(due) THEN excluded.\(ident: column) ELSE subscribers.\(ident: column) END"
        }
        let row = try await db.sql().raw(
            """
            INSERT INTO subscribers (id, email, state, confirm_hash, confirm_expires_at, created_at, confirm_nonce, \
            confirm_sent_at, confirm_claim, requested_at)
            VALUES (\(bind: UUID()), \(bind: r.email), \(bind: State.pending.rawValue), \(bind: r.confirmHash), \
            \(bind: r.expiresAt), \(bind: r.now), \(bind: r.nonce), \(bind: r.now), \(bind: r.claim), \(bind: r.now))
            ON CONFLICT (email) DO UPDATE SET \(renewed("confirm_nonce")), \(renewed("confirm_hash")), \
            \(whenDue("confirm_expires_at")), \(whenDue("confirm_sent_at")), \(whenDue("confirm_claim")), \
            state = CASE WHEN \(due) THEN \(bind: State.pending.rawValue) ELSE subscribers.state END, \
            requested_at = excluded.requested_at
            RETURNING confirm_claim, confirm_nonce
            """
        ).first()
        guard let row, try row.decodeNil(column: "confirm_claim") == false,
            try row.decode(column: "confirm_claim", as: String.self) == r.claim
        else { return nil }
        return try row.decode(column: "confirm_nonce", as: String?.self)
    }
}
