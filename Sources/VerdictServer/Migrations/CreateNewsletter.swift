import Fluent

/// Subscribers (double opt-in), composed weekly issues, and one delivery row per subscriber per
/// issue, so that a send can resume after a crash without mailing anyone twice.
struct CreateNewsletter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("subscribers")
            .id()
            .field("email", .string, .required)
            // pending → confirmed → unsubscribed; or bounced (a permanent failure)
            .field("state", .string, .required)
            .field("confirm_hash", .string)
            .field("confirm_expires_at", .datetime)
            .field("created_at", .datetime)
            .field("confirmed_at", .datetime)
            .field("unsubscribed_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema("newsletter_issues")
            .id()
            .field("week", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string, .required)
            .field("composed_at", .datetime)
            .field("sent_at", .datetime)
            .unique(on: "week")
            .create()
        try await database.schema("deliveries")
            .id()
            .field("issue_id", .uuid, .required, .references("newsletter_issues", "id", onDelete: .cascade))
            .field("subscriber_id", .uuid, .required, .references("subscribers", "id", onDelete: .cascade))
            // pending → sent | failed (permanent); temporary failures stay pending with attempts + 1
            .field("state", .string, .required)
            .field("attempts", .int, .required, .sql(.default(0)))
            .field("last_error", .string)
            .field("updated_at", .datetime)
            .unique(on: "issue_id", "subscriber_id")
            .create()
        try await database.sql().raw("CREATE INDEX deliveries_pending ON deliveries (issue_id, state)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("deliveries").delete()
        try await database.schema("newsletter_issues").delete()
        try await database.schema("subscribers").delete()
    }
}
