import Fluent

/// What a confirmation link is derived from and when it was last mailed, so a repeat subscribe
/// re-sends the same link at most every ten minutes instead of rotating it on every click.
struct AddConfirmationThrottle: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        // Random; the link is an HMAC of the address and this nonce (only its hash is stored).
        try await database.schema("subscribers").field("confirm_nonce", .string).update()
        try await database.schema("subscribers").field("confirm_sent_at", .datetime).update()
        // Written by the one subscribe request that won the right to mail (see
        // SubscriberModel.requestConfirmation): concurrent repeats read back that they lost.
        try await database.schema("subscribers").field("confirm_claim", .string).update()
        // When the address was last asked for. Every subscribe writes it, so a known address
        // costs the database what a new one costs (SQLite skips writing a row left unchanged).
        try await database.schema("subscribers").field("requested_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        for name in ["requested_at", "confirm_claim", "confirm_sent_at", "confirm_nonce"] {
            try await database.schema("subscribers").deleteField(.string(name)).update()
        }
    }
}
