import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import VerdictCore

@testable import VerdictServer

/// The home page shows every category's leaders, so any vote drops it; its render stitches
/// each category's kept part (`HomePageData`) and reloads only the parts a change reached.
@Suite("Home page: stitched from each category's kept part")
struct HomePageTests {
    func get(_ app: Application, _ path: String) async throws -> String {
        try await app.testing().sendRequest(.GET, path).text
    }

    @Test("A vote drops its category's part only; the stitched page equals one rendered from nothing")
    func voteReloadsOnePart() async throws {
        try await withTestApp(seedDemo: true) { app in
            _ = try await get(app, "/")
            let summaries = try await ToolModel.categorySummaries(on: app.db)
            #expect(summaries.count >= 3)
            #expect(summaries.allSatisfy { app.dataCache.value(HomePageData.sectionKey($0)) != nil })
            // Enough new readers' votes that the community counts in the language models' picks.
            let voted = try #require(summaries.first { $0.slug == "language-models" })
            for _ in 0..<12 {
                #expect(try await app.send(.PUT, "/api/v1/tools/smollm3/vote", json: #"{"vote":"skip"}"#).status == .ok)
            }
            for summary in summaries {
                #expect((app.dataCache.value(HomePageData.sectionKey(summary)) == nil) == (summary.slug == voted.slug))
            }
            let stitched = try await get(app, "/")
            #expect(summaries.allSatisfy { app.dataCache.value(HomePageData.sectionKey($0)) != nil })
            app.invalidateCaches(.everything)
            #expect(try await get(app, "/") == stitched)
            // The page names every category and its leaders' link.
            for summary in summaries { #expect(stitched.contains(SiteURL.category(summary.slug).path)) }
        }
    }

    @Test("A new tool in a category changes that part's size and the recent comparisons")
    func newToolReloads() async throws {
        try await withTestApp(seedDemo: true) { app in
            let before = try await get(app, "/")
            _ = try await app.importYAML(
                """
                tools:
                  - slug: brand-new-model
                    name: Brand New Model
                    category: Language Models
                    description: A small open model released today, for tests of the home page.
                    entry: free
                """)
            let after = try await get(app, "/")
            #expect(!before.contains("Brand New Model") && after.contains("Brand New Model"))
            app.invalidateCaches(.everything)
            #expect(try await get(app, "/") == after)
        }
    }
}
