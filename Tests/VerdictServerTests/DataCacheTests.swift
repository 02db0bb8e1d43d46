import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import VerdictCore

@testable import VerdictServer

/// The data pages are rendered from: a vote or a pick drops the pages that show its numbers but
/// not their data; any other change to a tool drops both, on this server and on the others.
@Suite("Data cache: votes re-render from kept data, other changes reload it")
struct DataCacheTests {
    @Test("A tool's numbers are a narrower change than the tool: pages carry both tags, data only its own")
    func tagSemantics() throws {
        let pages = PageCache(maxBytes: 1 << 20)
        let data = DataCache(maxBytes: 1 << 20)
        pages.store(try CachedAnswer.prepare(.html("alpha", tags: [.tool("alpha")])), key: "/tools/alpha", ticket: pages.ticket())
        data.store(CachedData(value: 1, tags: [.tool("alpha")], bytes: 100), key: "tool-page:alpha", ticket: data.ticket())
        data.store(CachedData(value: 2, tags: [.community("alpha")], bytes: 100), key: "numbers:alpha", ticket: data.ticket())
        // A vote: the page and the numbers go, the tool's data stays.
        let vote = CacheScope.tags([.community("alpha")])
        #expect(pages.invalidate(vote) == 1)
        #expect(data.invalidate(vote) == 1)
        #expect(data.value("tool-page:alpha") != nil && data.value("numbers:alpha") == nil)
        // Any other change to the tool reaches its numbers too.
        data.store(CachedData(value: 2, tags: [.community("alpha")], bytes: 100), key: "numbers:alpha", ticket: data.ticket())
        #expect(data.invalidate(.tags([.tool("alpha")])) == 2)
        // A data render that raced a vote on what it holds is not stored; a page render is not either.
        let before = data.ticket()
        data.invalidate(vote)
        #expect(data.store(CachedData(value: 3, tags: [.tool("alpha")], bytes: 100), key: "tool-page:alpha", ticket: before))
        let pageTicket = pages.ticket()
        pages.invalidate(vote)
        #expect(!pages.store(try CachedAnswer.prepare(.html("a", tags: [.tool("alpha")])), key: "p", ticket: pageTicket))
        // The new tag crosses servers in change events.
        let scope = CacheScope.tags([.community("a-b"), .tool("a-b")])
        #expect(CacheScope(encoded: scope.encoded) == scope)
    }

    @Test("After a vote and a pick the pages show them and their data was not reloaded; an import reloads it")
    func votesKeepData() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            #expect(try await app.page("/tools/beta").contains("Community: —"))
            #expect(try await app.page("/compare/alpha-vs-beta").contains("No answers yet"))
            let toolData = try #require(app.dataCache.value(ToolPageData.key("beta", at: app.dependencies.clock.now())))
            let pairData = try #require(app.dataCache.value(ComparePageData.key("alpha", "beta", at: app.dependencies.clock.now())))
            // The numbers are kept apart, and a vote or a pick drops only them.
            #expect(app.dataCache.value("compare-numbers:alpha|beta") != nil)

            #expect(try await app.send(.PUT, "/api/v1/tools/beta/vote", json: #"{"vote":"ship"}"#).status == .ok)
            #expect(try await app.send(.PUT, "/api/v1/compare/alpha/beta/vote", json: #"{"pick":"alpha"}"#).status == .ok)
            #expect(app.dataCache.value("compare-numbers:alpha|beta") == nil)
            #expect(try await app.page("/tools/beta").contains("Community: 100% · 1 vote"))
            let pair = try await app.page("/compare/alpha-vs-beta")
            #expect(pair.contains("100% · 1 vote") && !pair.contains("No answers yet"))
            // The same stored values: the renders read only the numbers.
            #expect(
                (app.dataCache.value(ToolPageData.key("beta", at: app.dependencies.clock.now()))?.value as? ToolPageData)?.id
                    == (toolData.value as? ToolPageData)?.id)
            #expect(app.dataCache.value(ToolPageData.key("beta", at: app.dependencies.clock.now()))?.bytes == toolData.bytes)
            #expect(
                app.dataCache.value(ComparePageData.key("alpha", "beta", at: app.dependencies.clock.now())) != nil && pairData.bytes > 0)

            // A fact changes (a re-import): the data goes, and the pages show the new fact at once.
            _ = try await app.importYAML(Catalogs.two.replacingOccurrences(of: "Beta also builds", with: "Beta now builds"))
            #expect(
                app.dataCache.value(ToolPageData.key("beta", at: app.dependencies.clock.now())) == nil
                    && app.dataCache.value(ComparePageData.key("alpha", "beta", at: app.dependencies.clock.now())) == nil)
            #expect(try await app.page("/tools/beta").contains("Beta now builds"))
            #expect(try await app.page("/tools/beta").contains("Community: 100% · 1 vote"))
            // Alpha is Beta's rival: a change to Alpha reloads Beta's page data too.
            #expect(app.dataCache.value(ToolPageData.key("beta", at: app.dependencies.clock.now())) != nil)
            _ = try await app.importYAML(Catalogs.two.replacingOccurrences(of: "The first tool", with: "The renamed first tool"))
            #expect(app.dataCache.value(ToolPageData.key("beta", at: app.dependencies.clock.now())) == nil)
        }
    }

    @Test("Two servers: an import through one reloads the other's page data; a vote re-renders without it")
    func twoServers() async throws {
        try await withTwoServers { a, b in
            _ = try await a.importYAML(Catalogs.two)
            try await b.changeFeed.catchUp(b)
            #expect(try await b.page("/tools/beta").contains("Beta also builds"))
            #expect(b.dataCache.value(ToolPageData.key("beta", at: b.dependencies.clock.now())) != nil)
            #expect(try await a.send(.PUT, "/api/v1/tools/beta/vote", json: #"{"vote":"ship"}"#).status == .ok)
            try await b.changeFeed.catchUp(b)
            #expect(b.dataCache.value(ToolPageData.key("beta", at: b.dependencies.clock.now())) != nil)
            #expect(try await b.page("/tools/beta").contains("Community: 100% · 1 vote"))
            _ = try await a.importYAML(Catalogs.two.replacingOccurrences(of: "Beta also builds", with: "Beta now builds"))
            try await b.changeFeed.catchUp(b)
            #expect(b.dataCache.value(ToolPageData.key("beta", at: b.dependencies.clock.now())) == nil)
            #expect(try await b.page("/tools/beta").contains("Beta now builds"))
        }
    }

    @Test("A comparison filled from its template equals the page rendered in full, for any reader, numbers and workload")
    func compareTemplate() async throws {
        try await withTestApp(seedDemo: true) { app in
            let data = try await ComparePageData.load("smollm3", "gemini-2-5-flash", origin: "https://verdict.example", on: app.db)
            let holes = data.template.pieces.compactMap { if case .hole(let index) = $0 { index } else { nil } }
            #expect(holes.sorted() == Compare.Hole.allCases.map(\.rawValue))
            var (a, b) = (data.a, data.b)
            (a.community, b.community) = (CommunityScore(ship: 3, skip: 1), CommunityScore(ship: 0, skip: 2))
            for (asked, reader) in [(false, false), (false, true), (true, true)] {
                let usage = asked ? UsagePreset.all[0].profile : CostView.defaultPreset.profile
                let comparison = reader ? Comparison(a, b) : Comparison(data.a, data.b)
                var model = Compare.Model(
                    comparison: comparison, canonical: SiteURL.canonicalCompare("smollm3", "gemini-2-5-flash"),
                    myVotes: reader ? ["smollm3": .ship] : [:], notice: reader ? "Your vote is in." : nil,
                    headToHead: HeadToHeadTally(a: ("smollm3", reader ? 4 : 0), b: ("gemini-2-5-flash", reader ? 2 : 0), neither: 1),
                    myPick: reader ? "gemini-2-5-flash" : nil)
                model.origin = "https://verdict.example"
                model.cost = data.costView(for: comparison, usage: usage, preset: UsagePreset.all[asked ? 0 : 1], asked: asked)
                if asked {
                    let estimates = Dictionary(model.cost!.estimates.map { ($0.tool.slug, $0.estimate) }, uniquingKeysWith: { x, _ in x })
                    (model.forWorkload, model.buyerForWorkload) = ComparePageController.forWorkload(
                        comparison, estimates: estimates, workload: UsageText.describe(usage))
                }
                let view = Compare.View(model: model)
                let full = view.document().render()
                #expect(view.page(from: data.template) == full)
                // What the data keeps rendered (the reader's forms, the default cost) is what the full render writes.
                #expect(
                    view.page(from: data.template, kept: data.kept(votes: model.myVotes, pick: model.myPick, defaultWorkload: !asked))
                        == full)
                #expect(!full.contains("vhole"))
            }
        }
    }

    @Test("A tool page filled from its template equals the page rendered in full, for any reader, numbers, workload and day")
    func toolTemplate() async throws {
        try await withTestApp(seedDemo: true) { app in
            #expect(try await app.send(.PUT, "/api/v1/tools/gemini-2-5-flash/vote", json: #"{"vote":"ship"}"#).status == .ok)
            let today = TestApp.pinned
            // A later day on which the prices are old: the day is in the data's key, so its
            // template is made on that day, and so are the offers' ages.
            let later = Date(timeIntervalSince1970: 1_900_000_000)
            for (now, maxAge) in [(today, 30), (later, 1)] {
                let data = try await ToolPageData.load(
                    "gemini-2-5-flash", publicURL: "https://verdict.example", now: now, priceMaxAgeDays: maxAge, on: app.db)
                #expect(data.template.holes.isSubset(of: Set(ToolShow.Hole.allCases.map(\.rawValue))))
                #expect(!data.model.intake.isEmpty && !data.model.rivals.isEmpty)
                #expect(data.template.fill([:]).contains("Not checked since") == (now == later))
                // As loaded (no reader, no numbers), then a reader with a vote, a notice, other
                // numbers, a timeline and a workload of their own.
                var model = data.model
                model.standing.community = CommunityScore(ship: 7, skip: 2)
                model.rivals[0].community = CommunityScore(ship: 1, skip: 4)
                (model.myVote, model.notice) = (.skip, "Your vote is in.")
                model.scoreDays = [ScoreDay(day: "2026-12-01", panel: 50, community: 100, votes: 1)]
                let usage = UsagePreset.all[0].profile
                model.cost = CostView(
                    pricing: [(model.standing.tool, model.intake.quotes)], usage: usage, preset: UsagePreset.all[0], asked: true,
                    action: "/tools/gemini-2-5-flash")
                let estimate = try #require(model.cost?.estimates.first?.estimate)
                model.buyerForWorkload = Rubric.buyerTake(
                    for: model.standing.tool, workload: BuyerWorkload(description: UsageText.describe(usage), estimate: estimate))
                for view in [ToolShow.View(model: data.model), ToolShow.View(model: model)] {
                    let full = view.document().render()
                    #expect(view.page(from: data.template) == full)
                    // What the data keeps rendered (the reader's vote form) is what the full render writes.
                    #expect(view.page(from: data.template, kept: [.voteForm: data.voteForms[view.model.myVote?.rawValue ?? ""]!]) == full)
                    #expect(!full.contains("vhole"))
                }
                // The default workload's cost section and the JSON-LD around its rating, kept rendered.
                let plain = ToolShow.View(model: data.model)
                #expect(plain.page(from: data.template, kept: [.cost: data.defaultCost]) == plain.document().render())
                #expect(data.jsonLD.text(model.standing.community) == ToolShow.View(model: model).fill(.jsonLD))
            }
        }
    }

    @Test("Without a list of changes the timeline section is a hole of its own, and appears with the first score day")
    func timelineHole() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let data = try await ToolPageData.load(
                "beta", publicURL: "https://verdict.example", now: Date(), priceMaxAgeDays: 30, on: app.db)
            var model = data.model
            model.changes = []
            let template = ToolShow.View(model: model).template()
            #expect(template.holes.contains(ToolShow.Hole.timeline.rawValue) && !template.holes.contains(ToolShow.Hole.chart.rawValue))
            for days in [[], [ScoreDay(day: "2026-12-01", panel: 50, community: 100, votes: 1)]] {
                model.scoreDays = days
                let view = ToolShow.View(model: model)
                #expect(view.page(from: template) == view.document().render())
                #expect(view.document().render().contains("How the verdict moved") == !days.isEmpty)
            }
        }
    }

    @Test("A template's marks cannot be forged: text that looks like one is kept as text")
    func templateMarks() {
        let template = PageTemplate(marked: "<p>a\(PageTemplate.mark(3))b vhole0n1e \(PageTemplate.mark(7))</p>")
        #expect(template.fill([3: "X", 7: "<i>y</i>"]) == "<p>aXb vhole0n1e <i>y</i></p>")
        #expect(PageTemplate(marked: "no holes").fill([:]) == "no holes")
    }

    @Test("A server's first read of the change feed drops what it cached before it")
    func firstCatchUp() async throws {
        try await withTwoServers { a, b in
            _ = try await a.importYAML(Catalogs.two)
            // B serves before it has read the feed; A's vote lands in between.
            #expect(try await b.page("/tools/beta").contains("Community: —"))
            #expect(try await a.send(.PUT, "/api/v1/tools/beta/vote", json: #"{"vote":"ship"}"#).status == .ok)
            try await b.changeFeed.catchUp(b)
            #expect(try await b.page("/tools/beta").contains("Community: 100% · 1 vote"))
        }
    }
}
