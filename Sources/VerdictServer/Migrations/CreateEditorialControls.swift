import Fluent

/// What editors need: retiring tools, an audit log, a moderation queue for model-written takes,
/// and marking takes an editor changed (the original words kept).
struct CreateEditorialControls: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema("tools").field("retired_at", .datetime).update()
        try await database.schema("takes").field("edited_by", .string).update()
        try await database.schema("takes").field("original_text", .string).update()
        try await database.schema("audit_log")
            .id()
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
        try await database.sql().raw("CREATE INDEX audit_log_at ON audit_log (at)").run()
        try await database.schema("take_reviews")
            .id()
            .field("tool_id", .uuid, .required, .references("tools", "id", onDelete: .cascade))
            .field("persona", .string, .required)
            // pending → approved | rejected
            .field("status", .string, .required)
            // The model's take as a full take row (JSON), published as is (or edited) on approval.
            .field("take", .string, .required)
            .field("edited_text", .string)
            .field("created_at", .datetime)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .create()
        try await database.sql().raw("CREATE INDEX take_reviews_status ON take_reviews (status, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("take_reviews").delete()
        try await database.schema("audit_log").delete()
        try await database.schema("takes").deleteField("original_text").update()
        try await database.schema("takes").deleteField("edited_by").update()
        try await database.schema("tools").deleteField("retired_at").update()
    }
}
