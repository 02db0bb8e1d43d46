import Fluent
import SQLKit

/// The rubric's standing of each tool (`Rubric.standing`): what ranks tools whose panel and
/// community figures are equal, instead of their names. Written by every rubric run; an existing
/// catalog gets it from `verdict panel run` (docs/operations.md).
struct AddRubricStanding: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tools").field("rubric_standing", .double, .required, .sql(.default(0))).update()
        try await database.sql().raw("DROP INDEX tools_listing").run()
        try await database.sql().raw(
            "CREATE INDEX tools_listing ON tools (category_slug, panel_rank, community_rank, rubric_standing)"
        ).run()
        // What a search reads of each matching tool (its filters and its order), without touching
        // the tool's wide row.
        try await database.sql().raw(
            "CREATE INDEX tools_search ON tools (id, retired_at, panel_rank, community_rank, rubric_standing, category_slug, entry, slug)"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().raw("DROP INDEX tools_search").run()
        try await database.sql().raw("DROP INDEX tools_listing").run()
        try await database.sql().raw("CREATE INDEX tools_listing ON tools (category_slug, panel_rank, community_rank)").run()
        try await database.schema("tools").deleteField("rubric_standing").update()
    }
}
