import Fluent

/// The categories listings show, each with its name and number of listed tools, kept by the
/// writers that change which tools a category lists (imports, edits, retire and restore), so the
/// home, category and leaderboard pages read a few rows instead of grouping the whole catalog.
struct CreateCategories: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CategoryListing.schema)
            .field("slug", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("listed", .int, .required)
            .create()
        try await CategoryListing.refreshAll(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CategoryListing.schema).delete()
    }
}
