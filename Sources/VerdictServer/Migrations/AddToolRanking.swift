import Fluent

/// Each tool's place in its lists, stored when its takes or votes change so that a category
/// page or the home page reads one slice of an index instead of ranking the whole catalog.
/// `panel_rank` and `community_rank` are the ship percentages, or -1 while there are none
/// (the order of `rankedByPanel`).
struct AddToolRanking: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema("tools").field("panel_rank", .int, .required, .sql(.default(-1))).update()
        try await database.schema("tools").field("community_rank", .int, .required, .sql(.default(-1))).update()
        try await database.sql().raw(
            "CREATE INDEX tools_listing ON tools (category_slug, panel_rank, community_rank)"
        ).run()
        try await database.sql().raw("CREATE INDEX tools_ranking ON tools (panel_rank, community_rank)").run()
        try await database.sql().raw("CREATE INDEX tools_updated_at ON tools (updated_at)").run()
        // A tool's take history, oldest first, read by its page.
        try await database.sql().raw("CREATE INDEX takes_history ON takes (tool_id, created_at)").run()
        // Existing catalogs: rank every tool once, in slices.
        var offset = 0
        while true {
            let ids = try await ToolModel.query(on: database).sort(\.$id).range(offset..<(offset + 500)).all(\.$id)
            guard !ids.isEmpty else { break }
            try await ToolModel.refreshRanking(ids, cause: "ranking an existing catalog", on: database)
            offset += ids.count
        }
    }

    func revert(on database: any Database) async throws {
        for index in ["tools_listing", "tools_ranking", "tools_updated_at", "takes_history"] {
            try await database.sql().raw("DROP INDEX \(ident: index)").run()
        }
        try await database.schema("tools").deleteField("community_rank").update()
        try await database.schema("tools").deleteField("panel_rank").update()
    }
}
