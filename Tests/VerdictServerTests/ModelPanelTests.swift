import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Runs `body` with a fake model server and an app whose panel backend points at it.
func withModelPanel(
    pricing: Pricing? = Pricing(inputPerMTok: 1, outputPerMTok: 4, cachedInputPerMTok: 0.25),
    timeout: Double = 5,
    _ script: @escaping @Sendable (Int, [String: Any]) -> FakeModelServer.Reply,
    _ body: (Application, FakeModelServer, LLMBackend) async throws -> Void
) async throws {
    let fake = try await FakeModelServer.start(script)
    var backend = LLMBackend(name: "fake", baseURL: fake.baseURL, model: "fake-model-1")
    backend.pricing = pricing
    backend.timeoutSeconds = timeout
    backend.maxConcurrency = 2
    do {
        try await withTestApp { app in
            app.settings.llm = LLMConfig(backends: [backend])
            try await body(app, fake, backend)
        }
    } catch {
        try? await fake.stop()
        throw error
    }
    try await fake.stop()
}

extension Application {
    /// A worker whose retries wait no real time; `waits` records each delay asked for.
    func testWorker(waits: NIOLockedValueBox<[Double]> = .init([]), now: @escaping @Sendable () -> Date = { Date() }) -> PanelWorker {
        var panel = ModelPanel(
            client: self.panel.client, config: self.panel.config, db: db, now: now, random: .seeded(1), logger: logger, changes: changes)
        panel.sleep = { seconds in waits.withLockedValue { $0.append(seconds) } }
        return PanelWorker(panel: panel)
    }

    func queueAll(_ slugs: [String], personas: [Persona] = Persona.allCases, force: Bool = false) async throws -> Int {
        let ids = try await ToolModel.query(on: db).filter(\.$slug ~~ slugs).all().compactMap(\.id)
        return try await PanelJobModel.enqueue(tools: ids, personas: personas, backend: "fake", force: force, on: db)
    }
}

@Suite("The panel on a model: provenance, no re-billing, abstentions")
struct ModelPanelTests {
    @Test("Each persona's take comes back validated, with its provenance and cost")
    func happyPath() async throws {
        try await withModelPanel({ _, _ in .content(takeJSON("ship"), prompt: 1000, cached: 600, completion: 200) }) { app, fake, _ in
            _ = try await app.importYAML(Catalogs.two)
            #expect(try await app.queueAll(["alpha"]) == 4)
            try await app.testWorker().drain()
            #expect(fake.requests.count == 4)
            let res = try await app.send(.GET, "/api/v1/tools/alpha")
            let panel = try #require(res.json["panel"] as? [String: Any])
            let takes = try #require(panel["takes"] as? [[String: Any]])
            #expect(takes.count == 4 && takes.allSatisfy { $0["source"] as? String == "llm" })
            let take = try #require(takes.first)
            #expect(take["model"] as? String == "fake-model-1")
            #expect(take["prompt_version"] as? String == PanelPrompt.version)
            #expect((take["facts_hash"] as? String)?.count == 64)
            #expect(take["tokens"] as? [String: Int] == ["prompt": 1000, "cached": 600, "completion": 200])
            // 400 uncached × $1 + 600 cached × $0.25 + 200 × $4, per million.
            #expect(abs((take["cost_usd"] as? Double ?? 0) - 0.00135) < 1e-9)
            #expect(take["latency_ms"] is Int)
            #expect(panel["ship_percent"] as? Int == 100)
            // The request asked for structured output and put the persona last.
            let request = try #require(fake.requests.first)
            #expect((request["response_format"] as? [String: Any])?["type"] as? String == "json_schema")
            let messages = try #require(request["messages"] as? [[String: String]])
            #expect(messages.last?["role"] == "user")
        }
    }

    @Test("Unchanged facts, persona, prompt and model are not re-billed unless forced")
    func noRebill() async throws {
        try await withModelPanel({ _, _ in .content(takeJSON("skip")) }) { app, fake, _ in
            _ = try await app.importYAML(Catalogs.two)
            _ = try await app.queueAll(["alpha"])
            try await app.testWorker().drain()
            #expect(fake.requests.count == 4)
            _ = try await app.queueAll(["alpha"])
            try await app.testWorker().drain()
            #expect(fake.requests.count == 4)
            _ = try await app.queueAll(["alpha"], personas: [.buyer], force: true)
            try await app.testWorker().drain()
            #expect(fake.requests.count == 5)
            // A changed fact changes the hash: the panel is billed again.
            _ = try await app.importYAML(Catalogs.two.replacingOccurrences(of: "sdks: [python, typescript]", with: "sdks: [python]"))
            _ = try await app.queueAll(["alpha"])
            try await app.testWorker().drain()
            #expect(fake.requests.count == 9)
            let history = try await app.send(.GET, "/api/v1/tools/alpha/history").json["history"] as? [[String: Any]]
            #expect((history?.count ?? 0) >= 9)
        }
    }

    @Test("Output that fails validation is retried, then the persona abstains and is not counted")
    func abstains() async throws {
        try await withModelPanel({ _, body in
            let persona = (body["messages"] as? [[String: String]])?.last?["content"] ?? ""
            return persona.contains("Buyer") ? .content("I think it is great, ship it!") : .content(takeJSON("ship"))
        }) { app, fake, _ in
            _ = try await app.importYAML(Catalogs.two)
            _ = try await app.queueAll(["beta"])
            try await app.testWorker().drain()
            #expect(fake.requests.count == 3 + 3)  // three personas once, the buyer three times
            let panel = try #require(try await app.send(.GET, "/api/v1/tools/beta").json["panel"] as? [String: Any])
            #expect(panel["ship"] as? Int == 3 && panel["skip"] as? Int == 0 && panel["ship_percent"] as? Int == 100)
            let takes = try #require(panel["takes"] as? [[String: Any]])
            let buyer = try #require(takes.first { $0["persona"] as? String == "buyer" })
            #expect(buyer["verdict"] as? String == "abstain")
            #expect((buyer["reason"] as? String)?.isEmpty == false)
            let jobs = try await app.send(.GET, "/api/v1/panel/jobs?tool=beta").json
            #expect((jobs["counts"] as? [String: Int])?["abstained"] == 1)
        }
    }
}
