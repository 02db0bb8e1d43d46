import Foundation
import Testing
import VerdictCore

@testable import VerdictServer

/// Issue #14, "never false": a property over every rubric take of the demo catalog. A take never
/// says a tool generates a medium it does not output, never threatens a free tool with being
/// undercut on price, and never misstates its entry tier, API or weights.
@Suite("Takes never contradict the facts (demo catalog)")
struct TruthfulTakesTests {
    static let tools: [Tool] = {
        let document = try! ImportFile.parse(try! DemoCatalog.data(), name: "demo-catalog.yaml")
        return try! CatalogImport.validate(document, source: "demo-catalog.yaml", knownSlugs: []).tools
    }()

    @Test("Every demo tool declares what it generates")
    func outputsDeclared() {
        #expect(Self.tools.count == 43)
        #expect(Self.tools.filter { $0.facts.outputModalities == nil }.map(\.slug) == [])
    }

    /// Every demo take as the panel writes it: each tool weighed against its category.
    static let panels: [(tool: Tool, takes: [Take])] = {
        let fields = Dictionary(grouping: tools, by: \.categorySlug).mapValues { Rubric.Field(tools: $0, asOf: "2026-11") }
        return tools.map { ($0, Rubric.panel(for: $0, asOf: "2026-11", field: fields[$0.categorySlug] ?? .none)) }
    }()

    @Test("No take contradicts modalities, entry tier, price, API or open weights")
    func noContradictions() {
        let audit = TakeAudit(Self.panels)
        #expect(audit.takes == 172)
        #expect(audit.contradictions == [])
    }

    @Test("Rarely boilerplate, flips that name this tool's nearest fact, and a panel that separates each crowded category")
    func quality() {
        let audit = TakeAudit(Self.panels)
        #expect(audit.repeatedShare <= 0.20, "\(audit.report.joined(separator: "\n"))")
        #expect(audit.topFlipShare <= 0.10, "\(audit.report.joined(separator: "\n"))")
        #expect(audit.unseparated.isEmpty, "\(audit.report.joined(separator: "\n"))")
        // The measures are not vacuous: the same takes without the field do not separate.
        let flat = TakeAudit(Self.tools.map { ($0, Rubric.panel(for: $0, asOf: "2026-11")) })
        #expect(!flat.unseparated.isEmpty)
    }

    @Test("The audit finds a contradiction when one is there")
    func auditFinds() throws {
        var tool = try #require(Self.tools.first { $0.entry == .free })
        tool.facts.api = false
        tool.facts.outputModalities = ["text"]
        let take = Take(
            persona: .skeptic, verdict: .skip, conviction: .clear, flip: nil,
            text: "It has a documented HTTP API. The cost of video generation keeps falling. A rival will undercut the price.",
            source: .rubric)
        #expect(TakeAudit.contradictions(take, of: tool).count == 3)
    }
}

/// Issue #14, "stay in their lane": tools of different categories are compared as different jobs.
@Suite("Comparisons stay in their lane")
struct LaneTests {
    @Test("Different categories: no winner, the facts side by side; the same category still gets a pick")
    func differentJobs() async throws {
        try await withTestApp(seedDemo: true) { app in
            let page = try await app.send(.GET, "/compare/assemblyai-vs-brave-search-api")
            #expect(page.status == .ok)
            #expect(page.text.contains("<strong>Different jobs</strong>") && !page.text.contains("Ship with <strong>"))
            #expect(page.text.contains("Different jobs: AssemblyAI is in Speech &amp; Audio, Brave Search API in Search &amp; Research."))
            #expect(page.text.contains("Facts side by side") && page.text.contains("<th scope=\"col\">AssemblyAI</th>"))
            let api = try await app.send(.GET, "/api/v1/compare/assemblyai/brave-search-api")
            #expect((api.json["recommendation"] as? [String: Any])?["pick"] is NSNull)
            let same = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-smollm3")
            #expect(same.text.contains("Ship with <strong>") && same.text.contains("Facts side by side"))
            // The empty leaderboard's first invitation is a pair from one category.
            let board = try await app.send(.GET, "/leaderboard")
            let start = try #require(board.text.firstMatch(of: /href="\/compare\/([a-z0-9-]+)-vs-([a-z0-9-]+)"/))
            let a = try #require(try await ToolModel.find(slug: String(start.1), on: app.db))
            let b = try #require(try await ToolModel.find(slug: String(start.2), on: app.db))
            #expect(a.categorySlug == b.categorySlug, "\(a.slug) vs \(b.slug)")
        }
    }
}
