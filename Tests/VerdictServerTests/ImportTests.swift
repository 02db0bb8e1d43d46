import Fluent
import Foundation
import Testing
import VerdictCore

@testable import VerdictServer

@Suite("verdict import: upserts by slug, all or nothing")
struct ImportTests {
    @Test("A file with one bad entry writes nothing at all")
    func allOrNothing() async throws {
        try await withTestApp { app in
            // setup
            _ = try await app.importYAML(Catalogs.two)
            let toolsBefore = try await ToolModel.query(on: app.db).count()
            let takesBefore = try await TakeModel.query(on: app.db).count()
            // MUT: a new good tool, a changed tool, and a bad one
            let bad = """
                tools:
                  - {slug: gamma, name: Gamma, category: Developer Tools, description: New., entry: free}
                  - {slug: alpha, name: Alpha Renamed, category: Developer Tools, description: Changed., entry: paid}
                  - {slug: delta, name: Delta, category: Developer Tools, description: Bad., entry: pricey}
                """
            await #expect(throws: ImportFailure.self) { try await app.importYAML(bad) }
            // validate
            #expect(try await ToolModel.query(on: app.db).count() == toolsBefore)
            #expect(try await TakeModel.query(on: app.db).count() == takesBefore)
            #expect(try await ToolModel.find(slug: "alpha", on: app.db)?.name == "Alpha")
            #expect(try await ToolModel.find(slug: "gamma", on: app.db) == nil)
        }
    }

    @Test("Malformed YAML names the file and says it is not valid YAML")
    func malformedYAML() async throws {
        try await withTestApp { app in
            do {
                _ = try await app.importYAML("tools:\n  - slug: [unclosed\n", name: "broken.yaml")
                Issue.record("expected a failure")
            } catch let failure as ImportFailure {
                #expect(failure.description.hasPrefix("broken.yaml: 1 problem; nothing was imported."))
                #expect(failure.problems[0].message.hasPrefix("is not valid YAML"))
            }
        }
    }

    @Test("Importing the same file twice changes nothing the second time")
    func idempotent() async throws {
        try await withTestApp { app in
            let first = try await app.importYAML(Catalogs.two)
            #expect(first.toolsCreated == 2)
            #expect(first.rubricTakesWritten == 8)
            let second = try await app.importYAML(Catalogs.two)
            #expect(second == ImportSummary(toolsUnchanged: 2))
            #expect(try await TakeModel.query(on: app.db).count() == 8)
        }
    }

    @Test("An editorial take replaces the persona's take; the old one stays in history")
    func editorialReplaces() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let takes = """
                takes:
                  - {tool: beta, persona: buyer, verdict: ship, conviction: narrow, flip: if prices vanish, text: Worth a call.}
                """
            let summary = try await app.importYAML(takes)
            #expect(summary.takesImported == 1)
            let beta = try #require(try await ToolModel.standing(slug: "beta", on: app.db))
            let buyer = try #require(beta.take(by: .buyer))
            #expect(buyer.source == .editorial && buyer.verdict == .ship && buyer.flip == "if prices vanish")
            let all = try await TakeModel.query(on: app.db).filter(\.$persona == "buyer").all()
            #expect(all.filter { $0.supersededAt == nil }.count == 2)  // alpha's and beta's
            #expect(all.count == 3)  // beta's rubric buyer take kept as history
            // The rubric never overwrites an editorial take.
            #expect(try await RubricPanel.runAll(at: app.dependencies.clock.now(), on: app.db) == 0)
        }
    }

    @Test("Changing a fact a persona weighs rewrites that take, keeping history")
    func factChange() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let before = try #require(try await ToolModel.standing(slug: "beta", on: app.db))
            let changed = Catalogs.two
                .replacingOccurrences(
                    of: "      pricing_model: contact\n      pricing_published: false",
                    with: "      pricing_model: per_seat\n      pricing_published: true\n      free_tier: true")
            #expect(changed != Catalogs.two)
            let summary = try await app.importYAML(changed)
            #expect(summary.toolsUpdated == 1 && summary.toolsUnchanged == 1)
            #expect(summary.rubricTakesWritten >= 1)
            let after = try #require(try await ToolModel.standing(slug: "beta", on: app.db))
            #expect(after.take(by: .buyer)?.text != before.take(by: .buyer)?.text)
            #expect(try await TakeModel.query(on: app.db).filter(\.$supersededAt != nil).count() == summary.rubricTakesWritten)
        }
    }

    @Test("The demo catalog loads once: a second start adds and regenerates nothing")
    func demoSeedOnce() async throws {
        try await withTestApp(seedDemo: true) { app in
            let tools = try await ToolModel.query(on: app.db).count()
            let takes = try await TakeModel.query(on: app.db).count()
            #expect(tools >= 30)
            #expect(takes == tools * 4)
            #expect(try await DemoCatalog.seedIfEmpty(app) == nil)
            #expect(try await RubricPanel.runAll(at: app.dependencies.clock.now(), on: app.db) == 0)
            #expect(try await TakeModel.query(on: app.db).count() == takes)
            let categories = Set(try await ToolModel.query(on: app.db).all(\.$category))
            #expect(categories.count >= 5)
            for slug in ["gemini-2-5-flash", "smollm3", "runway", "sora", "kling", "phi-4", "gemma-3", "qwen3"] {
                #expect(try await ToolModel.find(slug: slug, on: app.db)?.sourceURL != nil, "\(slug)")
            }
        }
    }
}
