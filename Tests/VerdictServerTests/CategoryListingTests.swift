import Fluent
import Foundation
import Testing
import Vapor

@testable import VerdictServer

/// The stored category list agrees with the tools table after every write that changes which
/// tools a category lists.
@Suite("Stored category list: imports, category moves, retire and restore")
struct CategoryListingTests {
    /// What the grouped count over the tools table says: the stored list must equal it.
    static func counted(_ app: Application) async throws -> [String: Int] {
        let tools = try await ToolModel.query(on: app.db).filter(\.$retiredAt == nil).all()
        return Dictionary(grouping: tools, by: \.categorySlug).mapValues(\.count)
    }

    static func stored(_ app: Application) async throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try await ToolModel.categorySummaries(on: app.db).map { ($0.slug, $0.count) })
    }

    @Test("Counts follow imports, a tool moving category, retirement and restoring")
    func followsWrites() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            #expect(try await Self.stored(app) == ["developer-tools": 2])
            let moved = Catalogs.two.replacingOccurrences(
                of: "    category: Developer Tools\n    tagline: The first tool",
                with: "    category: Search & Research\n    tagline: The first tool")
            #expect(moved != Catalogs.two)
            _ = try await app.importYAML(moved)
            #expect(try await Self.stored(app) == ["developer-tools": 1, "search-research": 1])
            _ = try await ToolDesk.setRetired(true, slug: "beta", actor: "test", app: app)
            #expect(try await Self.stored(app) == ["search-research": 1])
            #expect(try await ToolModel.categorySummaries(on: app.db).map(\.name) == ["Search & Research"])
            _ = try await ToolDesk.setRetired(false, slug: "beta", actor: "test", app: app)
            let (afterRestore, counted) = (try await Self.stored(app), try await Self.counted(app))
            #expect(afterRestore == counted)
            let home = try await app.send(.GET, "/")
            #expect(home.body.string.contains("Developer Tools") && home.body.string.contains("Search &amp; Research"))
        }
    }

    @Test("The demo catalog's stored list equals a count of its tools")
    func demoAgrees() async throws {
        try await withTestApp(seedDemo: true) { app in
            let (stored, counted) = (try await Self.stored(app), try await Self.counted(app))
            #expect(stored == counted && stored.count == 7)
        }
    }

    @Test("The home page's leaders of every category, read in one statement, are each category's first page in ranking order")
    func leadersMatchEachCategory() async throws {
        try await withTestApp(seedDemo: true) { app in
            let slugs = try await ToolModel.categorySummaries(on: app.db).map(\.slug)
            for perCategory in [1, 5] {
                let leaders = try await ToolModel.leaders(of: slugs, perCategory: perCategory, on: app.db)
                for slug in slugs {
                    let page = try await ToolModel.rankedStandings(categorySlug: slug, offset: 0, limit: perCategory, on: app.db)
                    #expect(leaders[slug]?.map(\.tool.slug) == page.map(\.tool.slug), "\(slug), \(perCategory) per category")
                }
            }
            #expect(try await ToolModel.leaders(of: [], perCategory: 5, on: app.db).isEmpty)
        }
    }
}
