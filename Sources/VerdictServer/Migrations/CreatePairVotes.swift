import Fluent

struct CreatePairVotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pair_votes")
            .id()
            // The pair in canonical order: tool_a has the alphabetically smaller slug.
            .field("tool_a_id", .uuid, .required, .references("tools", "id", onDelete: .cascade))
            .field("tool_b_id", .uuid, .required, .references("tools", "id", onDelete: .cascade))
            .field("voter", .string, .required)
            // The tool picked, or null for "neither".
            .field("pick_id", .uuid, .references("tools", "id", onDelete: .cascade))
            .field("counted", .bool, .required, .sql(.default(true)))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "tool_a_id", "tool_b_id", "voter")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pair_votes").delete()
    }
}
