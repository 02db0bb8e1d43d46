import Fluent

struct CreateVotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("votes")
            .id()
            .field("tool_id", .uuid, .required, .references("tools", "id", onDelete: .cascade))
            .field("voter", .string, .required)
            .field("vote", .string, .required)
            // False for voters minted beyond their network's hourly cap: stored, not weighed.
            .field("counted", .bool, .required, .sql(.default(true)))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "tool_id", "voter")
            .create()
        // Covers the community count (by tool, counted, vote), so it never reads the table.
        try await database.sql().raw("CREATE INDEX votes_tally ON votes (tool_id, counted, vote)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("votes").delete()
    }
}
