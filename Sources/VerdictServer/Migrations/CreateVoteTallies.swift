import Fluent

/// Each tool's ship, skip and discounted vote counts, kept by the vote writer in the same
/// transaction as the votes, so a page reads a tool's numbers from one row however many votes
/// it has (counting the rows cost a popular tool's every re-render and every vote commit a scan
/// of all its votes). Filled from the votes already cast.
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
        try await VoteTally.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VoteTally.schema).delete()
    }
}
