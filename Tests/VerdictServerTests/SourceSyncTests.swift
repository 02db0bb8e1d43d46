import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// The daily sync against a loopback server: a dataset, then a changed copy, then failures.
@Suite("Source sync: exact diffs, price history, nothing written on failure")
struct SourceSyncTests {
    static func modelsDev(_ models: [String: String]) -> Data {
        let byProvider = Dictionary(grouping: models.sorted { $0.key < $1.key }) { $0.key.split(separator: "/")[0] }
        let providers = byProvider.map { provider, entries in
            let body = entries.map { "\"\($0.key.split(separator: "/")[1])\": \($0.value)" }.joined(separator: ", ")
            return "\"\(provider)\": {\"id\": \"\(provider)\", \"name\": \"\(provider)\", \"models\": {\(body)}}"
        }
        return Data("{\(providers.sorted().joined(separator: ", "))}".utf8)
    }

    static func model(_ id: String, _ name: String, input: String, output: String, context: Int = 128000) -> String {
        """
        {"id": "\(id)", "name": "\(name)", "limit": {"context": \(context), "output": 8000},
         "modalities": {"input": ["text"], "output": ["text"]}, "cost": {"input": \(input), "output": \(output)}}
        """
    }

    static let first = modelsDev([
        "openai/gpt-x": model("gpt-x", "GPT X", input: "1.25", output: "10"),
        "openai/gpt-old": model("gpt-old", "GPT Old", input: "5", output: "15"),
        "google/gemini-9": model("gemini-9", "Gemini 9", input: "0.3", output: "2.5"),
    ])
    /// One price changed (gpt-x input), one model added (gpt-new), one removed (gpt-old), one
    /// record malformed (gemini-9's negative price).
    static let second = modelsDev([
        "openai/gpt-x": model("gpt-x", "GPT X", input: "1.00", output: "10"),
        "openai/gpt-new": model("gpt-new", "GPT New", input: "0.4", output: "1.6"),
        "google/gemini-9": model("gemini-9", "Gemini 9", input: "-1", output: "2.5"),
    ])

    /// Row counts of every intake and catalog table.
    static func counts(_ db: any Database) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["tools", "takes", "source_records", "offers", "offer_prices", "catalog_events", "audit_log"] {
            counts[table] = try await db.sql().select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .first()?.decode(column: "n", as: Int.self)
        }
        return counts
    }

    @Test("A dataset, a changed copy, a 304, a 500, a body that never ends and one too large")
    func syncs() async throws {
        let server = try await FakeDatasetServer.start()
        defer { Task { try? await server.stop() } }
        try await withTestApp { app in
            app.settings.intake.sources = try SourceList.parse("models.dev=\(server.url)")
            let source = try #require(app.settings.intake.sources.sources.first)
            let sync = SourceSync(app: app)

            // First sync: three records, three tools, one offer and one price each.
            server.answer(.body(Self.first, etag: "\"v1\""))
            let one = await sync.sync(source)
            guard case .compared(let first, dryRun: false) = one.outcome else {
                Issue.record("first: \(one.line)")
                return
            }
            #expect(first.diff?.added.map(\.recordID).sorted() == ["google/gemini-9", "openai/gpt-old", "openai/gpt-x"])
            #expect(first.summary?.toolsCreated == 3)
            #expect(first.summary?.intake?.pricesRecorded == 3)

            // The same ETag: the server answers 304 and nothing is written.
            let before304 = try await Self.counts(app.db)
            let same = await sync.sync(source)
            guard case .unchanged = same.outcome else {
                Issue.record("304: \(same.line)")
                return
            }
            #expect(server.ifNoneMatch.last == "\"v1\"")
            #expect(try await Self.counts(app.db) == before304)

            // A dry run of the changed copy prints the diff and writes nothing.
            server.answer(.body(Self.second, etag: "\"v2\""))
            let dry = await sync.sync(source, dryRun: true)
            guard case .compared(let preview, dryRun: true) = dry.outcome else {
                Issue.record("dry: \(dry.line)")
                return
            }
            #expect(preview.diff?.added.map(\.recordID) == ["openai/gpt-new"])
            #expect(try await Self.counts(app.db) == before304)

            // The changed copy: exact diff, the malformed record left as it was.
            let two = await sync.sync(source)
            guard case .compared(let second, dryRun: false) = two.outcome else {
                Issue.record("second: \(two.line)")
                return
            }
            let diff = try #require(second.diff)
            #expect(diff.added.map(\.recordID) == ["openai/gpt-new"])
            #expect(diff.changed.map(\.recordID) == ["openai/gpt-x"])
            #expect(diff.removed == ["openai/gpt-old"])
            #expect(diff.unchanged == 0)
            #expect(second.skipped.map(\.recordID) == ["google/gemini-9"])
            #expect(second.summary?.intake?.pricesChanged == 1)
            #expect(second.summary?.toolsCreated == 1)

            // History: gpt-x's offer has two price versions, the first closed, never overwritten.
            let gptX = try #require(try await ToolModel.find(slug: "gpt-x", on: app.db))
            let history = try await OfferPrices.history(tool: gptX.requireID(), on: app.db)
            #expect(history.count == 2)
            #expect(history.map { $0.sheet?.price(.inputTokens)?.amount } == [Decimal(string: "1.25"), Decimal(string: "1.00")])
            #expect(history[0].replaced_at != nil && history[1].replaced_at == nil)
            // The removed model is marked on its page; the malformed one keeps its stored price.
            let old = try #require(try await ToolModel.find(slug: "gpt-old", on: app.db))
            let oldPage = try await app.send(.GET, "/tools/gpt-old")
            #expect(oldPage.body.string.contains("no longer listed by models.dev"))
            #expect(oldPage.body.string.contains("No public dataset lists GPT Old any more"))
            let records = try await SourceRecords.current(tool: old.requireID(), on: app.db)
            #expect(records.first?.removed_at != nil)
            let gemini = try #require(try await ToolModel.find(slug: "gemini-9", on: app.db))
            let geminiPrices = try await OfferPrices.history(tool: gemini.requireID(), on: app.db)
            #expect(geminiPrices.count == 1 && geminiPrices[0].sheet?.price(.inputTokens)?.amount == Decimal(string: "0.3"))
            // What's new lists the price change and the new tool.
            let events = try await CatalogEvents.latest(category: nil, limit: 50, on: app.db)
            #expect(events.contains { $0.kind == "price" && $0.text.contains("$1.25 → $1.00") })
            #expect(events.contains { $0.kind == "added" && $0.slug == "gpt-new" })
            #expect(events.contains { $0.kind == "status" && $0.text.contains("no longer lists openai/gpt-old") })

            // Failures change nothing and are kept for the desk.
            let settled = try await Self.counts(app.db)
            server.answer(.status(500))
            let down = await sync.sync(source)
            guard case .failed(let message) = down.outcome else {
                Issue.record("500: \(down.line)")
                return
            }
            #expect(message.contains("500"))
            // A short deadline only here: a saturated machine may take seconds over the good downloads.
            app.settings.intake.timeoutSeconds = 2
            server.answer(.endless(interval: 0.05))
            let endless = await sync.sync(source)
            guard case .failed(let slow) = endless.outcome else {
                Issue.record("endless: \(endless.line)")
                return
            }
            #expect(slow.contains("within 2 s"))
            app.settings.intake.timeoutSeconds = 120
            app.settings.intake.maxBytes = 100
            server.answer(.body(Self.first, etag: "\"v3\""))
            let large = await sync.sync(source)
            guard case .failed(let big) = large.outcome else {
                Issue.record("large: \(large.line)")
                return
            }
            #expect(big.contains("limit is 100"))
            app.settings.intake.maxBytes = 64 << 20
            server.answer(.body(Data("{\"openai\": [".utf8), etag: "\"v4\""))
            let broken = await sync.sync(source)
            guard case .failed(let unreadable) = broken.outcome else {
                Issue.record("broken: \(broken.line)")
                return
            }
            #expect(unreadable.contains("not a readable models.dev dataset"))
            #expect(try await Self.counts(app.db) == settled)
            let state = try #require(try await SourceSyncState.find("models.dev", on: app.db))
            #expect(state.isFailing && state.error?.contains("not a readable") == true)
            // The desk lists the failing source.
            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            let desk = try await app.browse(.GET, "/admin/sources", as: ed)
            #expect(desk.status == .ok && desk.text.contains("not a readable models.dev dataset"))
        }
    }

    @Test("With VERDICT_SYNC_HOLD_NEW, new models wait unlisted in the intake queue until an editor publishes them")
    func holdNew() async throws {
        let server = try await FakeDatasetServer.start()
        defer { Task { try? await server.stop() } }
        try await withTestApp(seedDemo: true) { app in
            app.settings.intake.sources = try SourceList.parse("models.dev=\(server.url)")
            app.settings.intake.holdNew = true
            server.answer(.body(Self.first, etag: nil))
            let report = await SourceSync(app: app).sync(try #require(app.settings.intake.sources.sources.first))
            guard case .compared(let result, dryRun: false) = report.outcome else {
                Issue.record("\(report.line)")
                return
            }
            #expect(result.summary?.toolsCreated == 3)
            let tool = try #require(try await ToolModel.find(slug: "gpt-x", on: app.db))
            #expect(tool.retiredAt != nil)
            #expect(try await app.send(.GET, "/tools/gpt-x").status == .notFound)
            #expect(!(try await app.send(.GET, "/new").text.contains("gpt-x")))
            let held = try await IntakeQueue.entries(status: .pending, limit: 10, on: app.db)
            #expect(held.count == 3 && held.allSatisfy { $0.kind == "dataset" })
            let entry = try #require(held.first { $0.tool_id == tool.id })
            #expect(entry.reason.contains("openai/gpt-x"))

            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            #expect(try await app.browse(.POST, "/admin/intake/\(entry.id)", as: ed, form: "action=accept").status == .seeOther)
            #expect(try await app.send(.GET, "/tools/gpt-x").status == .ok)
            #expect(try await app.send(.GET, "/new").text.contains("/tools/gpt-x"))
            // A rejected one stays off the site.
            let other = try #require(held.first { $0.tool_id != tool.id })
            #expect(try await app.browse(.POST, "/admin/intake/\(other.id)", as: ed, form: "action=reject").status == .seeOther)
            let otherTool = try #require(try await ToolModel.find(try #require(other.tool_id), on: app.db))
            #expect(try await app.send(.GET, "/tools/\(otherTool.slug)").status == .notFound)
        }
    }

    @Test("The demo catalog's declared prices are the vendor's offer, dated; a changed price keeps the old one")
    func editorialOffers() async throws {
        try await withTestApp(seedDemo: true) { app in
            let flash = try #require(try await ToolModel.find(slug: "gemini-2-5-flash", on: app.db))
            let history = try await OfferPrices.history(tool: flash.requireID(), on: app.db)
            #expect(history.count == 1 && history[0].dataset == OfferWriter.editorial)
            let declared = try #require(flash.tool.facts.inputPricePerMTok)
            #expect(history[0].sheet?.price(.inputTokens)?.amount == Decimal(string: "\(declared)"))
            let page = try await app.send(.GET, "/tools/gemini-2-5-flash")
            #expect(page.text.contains("Offers and prices") && page.text.contains("declared by the editors"))

            let tool = flash.tool
            let json = """
                {"tools": [{"slug": "gemini-2-5-flash", "name": "\(tool.name)", "category": "\(tool.category)", "entry": "\(tool.entry.rawValue)",
                  "vendor": "\(tool.vendor ?? "")", "description": "Cheaper now.",
                  "facts": {"input_price_per_mtok": 0.5, "output_price_per_mtok": \(tool.facts.outputPricePerMTok ?? 1)}}]}
                """
            var pipeline = app.importPipeline
            pipeline.panelBackend = nil
            _ = try await pipeline.run(.text(Data(json.utf8), source: "edit.json", origin: .cli))
            let after = try await OfferPrices.history(tool: flash.requireID(), on: app.db)
            #expect(
                after.count == 2 && after[0].replaced_at != nil && after[1].sheet?.price(.inputTokens)?.amount == Decimal(string: "0.5"))
        }
    }
}
