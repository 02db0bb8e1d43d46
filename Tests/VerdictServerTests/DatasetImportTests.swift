import Fluent
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// `verdict import --format models.dev|genai-prices|litellm` through the one import pipeline.
@Suite("Dataset imports: all or nothing, --skip-invalid, tools left alone")
struct DatasetImportTests {
    static let dataset = Data(
        #"""
        {"openai": {"id": "openai", "name": "OpenAI", "models": {
          "gpt-x": {"id": "gpt-x", "name": "GPT X", "limit": {"context": 100000, "output": 8000},
                    "modalities": {"input": ["text"], "output": ["text"]}, "cost": {"input": 1.25, "output": 10}},
          "bad-one": {"id": "bad-one", "name": "Bad One", "limit": {"context": 1000, "output": 100},
                    "modalities": {"input": ["text"], "output": ["text"]}, "cost": {"input": -1, "output": 2}}}},
         "google": {"id": "google", "name": "Google", "models": {
          "gemini-2.5-flash": {"id": "gemini-2.5-flash", "name": "Gemini 2.5 Flash", "limit": {"context": 1048576, "output": 65536},
                    "modalities": {"input": ["text"], "output": ["text"]}, "cost": {"input": 0.3, "output": 2.5}}}}}
        """#.utf8)

    static func request(skipInvalid: Bool) -> ImportRequest {
        ImportRequest(
            input: .dataset(dataset, format: .modelsDev, checkedAt: TestApp.pinned, skipInvalid: skipInvalid), source: "api.json",
            origin: .cli)
    }

    @Test("An absurd record names its dataset id and stops the import; --skip-invalid imports the rest and leaves stored tools alone")
    func skipInvalid() async throws {
        try await withTestApp(seedDemo: true) { app in
            var pipeline = app.importPipeline
            pipeline.panelBackend = nil
            let before = try await ToolModel.query(on: app.db).count()
            await #expect {
                _ = try await pipeline.run(Self.request(skipInvalid: false))
            } throws: { error in
                "\(error)".contains("models.dev record \"openai/bad-one\"") && "\(error)".contains("negative")
            }
            #expect(try await ToolModel.query(on: app.db).count() == before)

            let demoFlash = try #require(try await ToolModel.find(slug: "gemini-2-5-flash", on: app.db))
            let result = try await pipeline.run(Self.request(skipInvalid: true))
            #expect(result.dataset?.added == ["gpt-x"])
            #expect(result.dataset?.unchanged == ["gemini-2-5-flash"])
            #expect(try await ToolModel.query(on: app.db).count() == before + 1)
            let added = try #require(try await ToolModel.find(slug: "gpt-x", on: app.db))
            #expect(added.tool.facts.contextWindow == 100_000 && added.tool.facts.inputPricePerMTok == 1.25)
            #expect(added.tool.sourceURL == "https://models.dev")
            // The demo catalog's hand-written tool keeps its words.
            let flash = try #require(try await ToolModel.find(slug: "gemini-2-5-flash", on: app.db))
            #expect(flash.tool.description == demoFlash.tool.description)
            let page = try await app.send(.GET, "/tools/gpt-x")
            #expect(page.status == .ok && page.body.string.contains("GPT X"))
        }
    }
}
