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
    @Test("A vote drops its category's part only; the stitched page equals one rendered from nothing")
    func voteReloadsOnePart() async throws {
        try await withTestApp(seedDemo: true) { app in
            _ = try await app.page("/")
            // The first page's categories: the largest few (`paginates`).
            let summaries = Array(
                HomePageData.ordered(try await ToolModel.categorySummaries(on: app.db)).prefix(PageController.homeCategoriesPerPage))
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
            let stitched = try await app.page("/")
            #expect(summaries.allSatisfy { app.dataCache.value(HomePageData.sectionKey($0)) != nil })
            app.invalidateCaches(.everything)
            #expect(try await app.page("/") == stitched)
            // The first page names its categories, each with its link.
            for summary in summaries { #expect(stitched.contains(SiteURL.category(summary.slug).path)) }
        }
    }

    @Test("A new tool in a category changes that part's size and the recent comparisons")
    func newToolReloads() async throws {
        try await withTestApp(seedDemo: true) { app in
            let before = try await app.page("/")
            _ = try await app.importYAML(
                """
                tools:
                  - slug: brand-new-model
                    name: Brand New Model
                    category: Language Models
                    description: A small open model released today, for tests of the home page.
                    entry: free
                """)
            let after = try await app.page("/")
            #expect(!before.contains("Brand New Model") && after.contains("Brand New Model"))
            app.invalidateCaches(.everything)
            #expect(try await app.page("/") == after)
        }
    }

    @Test("The home page shows one page of categories, the largest first; the rest are on later pages")
    func paginates() async throws {
        try await withTestApp(seedDemo: true) { app in
            let summaries = HomePageData.ordered(try await ToolModel.categorySummaries(on: app.db))
            let size = PageController.homeCategoriesPerPage
            #expect(summaries.count > size, "the demo catalog has more categories than one page")
            #expect(zip(summaries, summaries.dropFirst()).allSatisfy { $0.count >= $1.count })
            let pages = (summaries.count + size - 1) / size
            var seen: [String] = []
            for page in 1...pages {
                let html = try await app.page(page == 1 ? "/" : "/?page=\(page)")
                let cards = summaries.filter { html.contains("<h3><a href=\"\(SiteURL.category($0.slug).path)\">") }
                #expect(cards.map(\.slug) == summaries.dropFirst((page - 1) * size).prefix(size).map(\.slug), "page \(page)")
                seen += cards.map(\.slug)
                #expect(html.contains("Page \(page) of \(pages)"))
                #expect(html.contains(#"href="/categories""#))
                // Recent comparisons and the latest intake sit on the first page only.
                #expect(html.contains(#"id="recent""#) == (page == 1))
                #expect(html.contains(page == 1 ? #"rel="canonical" href="/""# : #"rel="canonical" href="/?page=\#(page)""#))
            }
            #expect(seen == summaries.map(\.slug))
            // Past the last page is a 404 naming how many there are; a bad page number is a 400.
            let past = try await app.testing().sendRequest(.GET, "/?page=\(pages + 1)")
            #expect(past.status == .notFound && past.body.string.contains("\(pages) page(s)"))
            #expect(try await app.testing().sendRequest(.GET, "/?page=zero").status == .badRequest)
        }
    }
}
