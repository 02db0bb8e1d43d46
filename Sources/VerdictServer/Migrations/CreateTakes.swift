import Fluent

struct CreateTakes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("takes")
            .id()
            .field("tool_id", .uuid, .required, .references("tools", "id", onDelete: .cascade))
            .field("persona", .string, .required)
            .field("verdict", .string, .required)
            .field("conviction", .string, .required)
            .field("flip", .string)
            .field("text", .string, .required)
            .field("source", .string, .required)
            .field("prompt_version", .string)
            .field("facts_hash", .string)
            .field("created_at", .datetime)
            .field("superseded_at", .datetime)
            .create()
        // At most one current take per persona and tool; history rows are unconstrained.
        // Partial indexes read the same on SQLite and PostgreSQL.
        try await database.sql().raw(
            """
            CREATE UNIQUE INDEX takes_current_persona ON takes (tool_id, persona) \
            WHERE superseded_at IS NULL
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("takes").delete()
    }
}
