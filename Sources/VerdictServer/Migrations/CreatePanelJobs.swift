import Fluent

struct CreatePanelJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("panel_jobs")
            .id()
            .field("tool_id", .uuid, .required, .references("tools", "id", onDelete: .cascade))
            .field("persona", .string, .required)
            .field("backend", .string, .required)
            .field("force", .bool, .required, .sql(.default(false)))
            // queued → running → done | failed | abstained
            .field("state", .string, .required)
            .field("attempts", .int, .required, .sql(.default(0)))
            .field("lease_owner", .string)
            .field("lease_until", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.sql().raw("CREATE INDEX panel_jobs_state ON panel_jobs (state, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("panel_jobs").delete()
    }
}
