import Fluent

/// Each tool's ship, skip and discounted vote counts, and each pair's head-to-head split, kept in
/// the same transaction as the votes and picks, so a page reads its numbers from one row however
/// many votes there are (counting the rows cost a popular tool's every re-render and every vote
/// commit a scan of all its votes). Filled from the votes and picks already cast.
struct CreateVoteTallies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // The unique key on `tool_id` is what `INSERT … ON CONFLICT` adds to.
        try await database.schema(VoteTally.schema)
            .field("tool_id", .uuid, .required, .references(ToolModel.schema, "id", onDelete: .cascade))
            .field("ship", .int64, .required)
            .field("skip", .int64, .required)
            .field("discounted", .int64, .required)
            .unique(on: "tool_id")
            .create()
        try await database.schema(PairTallyRow.schema)
            .field("tool_a_id", .uuid, .required, .references(ToolModel.schema, "id", onDelete: .cascade))
            .field("tool_b_id", .uuid, .required, .references(ToolModel.schema, "id", onDelete: .cascade))
            .field("for_a", .int64, .required)
            .field("for_b", .int64, .required)
            .field("neither", .int64, .required)
            .field("discounted", .int64, .required)
            .unique(on: "tool_a_id", "tool_b_id")
            .create()
        try await VoteTally.rebuild(on: database)
        try await PairTallyRow.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PairTallyRow.schema).delete()
        try await database.schema(VoteTally.schema).delete()
    }
}
