import Fluent
import FluentSQL

/// Rows of `categories`: a category's name and how many listed tools it has, stored when that
/// changes (`refresh`), read by every listing (`summaries`).
enum CategoryListing {
    static let schema = "categories"

    /// Every category with listed tools, by name.
    static func summaries(on db: any Database) async throws -> [ToolModel.CategorySummary] {
        try await db.sql().select().column("name").column("slug").column("listed", as: "count")
            .from(schema).where("listed", .greaterThan, SQLBind(0))
            .all(decoding: ToolModel.CategorySummary.self)
            .sorted { ($0.name.localizedLowercase, $0.slug) < ($1.name.localizedLowercase, $1.slug) }
    }

    /// Recounts these categories from the tools table (one index search each) and stores the
    /// result, in the caller's transaction; a category with no listed tool is removed.
    static func refresh(_ slugs: Set<String>, on db: any Database) async throws {
        for slug in slugs.sorted() {
            let row = try await db.sql().select()
                .column(SQLFunction("MIN", args: SQLColumn("category")), as: "name")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
                .from(ToolModel.schema)
                .where("category_slug", .equal, SQLBind(slug)).where("retired_at", .is, SQLLiteral.null)
                .first()
            let count = try row?.decode(column: "count", as: Int.self) ?? 0
            try await db.sql().delete(from: schema).where("slug", .equal, SQLBind(slug)).run()
            guard count > 0, let name = try row?.decode(column: "name", as: String?.self) else { continue }
            try await db.sql().insert(into: schema).columns("slug", "name", "listed")
                .values(SQLBind(slug), SQLBind(name), SQLBind(count)).run()
        }
    }

    /// Every category, recounted: for the migration that creates the table on an existing catalog.
    static func refreshAll(on db: any Database) async throws {
        let slugs = try await db.sql().select().distinct().column("category_slug").from(ToolModel.schema)
            .all(decodingColumn: "category_slug", as: String.self)
        try await refresh(Set(slugs), on: db)
    }
}
