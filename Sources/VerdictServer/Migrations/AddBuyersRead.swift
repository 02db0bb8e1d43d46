import Fluent
import SQLKit

/// The buyer's read (issue #15): the editors' claim checks and the day a tool's facts last
/// changed (what "stale since" dates) on `tools`; one row per tool and day of its panel and
/// community scores (`score_days`, the timeline); and a tool's catalog events by time (the
/// verdict changes its page lists); a persona's current takes by time (its page).
struct AddBuyersRead: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tools").field("claim_checks", .string).update()
        try await database.schema("tools").field("facts_changed_at", .datetime).update()
        try await database.schema(ScoreHistory.schema)
            .id()
            .field("tool_id", .uuid, .required, .references(ToolModel.schema, "id", onDelete: .cascade))
            .field("day", .string, .required)
            .field("panel_ship", .int, .required)
            .field("community_ship", .int, .required)
            .field("votes", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tool_id", "day")
            .create()
        try await database.sql().raw("CREATE INDEX catalog_events_tool ON catalog_events (tool_id, at)").run()
        // A persona's current takes, newest first (its page), and its ship rate.
        try await database.sql().raw(
            "CREATE INDEX takes_persona_current ON takes (persona, created_at) WHERE superseded_at IS NULL"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().raw("DROP INDEX takes_persona_current").run()
        try await database.sql().raw("DROP INDEX catalog_events_tool").run()
        try await database.schema(ScoreHistory.schema).delete()
        try await database.schema("tools").deleteField("facts_changed_at").update()
        try await database.schema("tools").deleteField("claim_checks").update()
    }
}
