import Foundation
import Testing

@testable import VerdictCore

@Suite("Intake reports absurd values by the dataset's own id")
struct IntakeProblemTests {
    static let day = RecordCheck.day("2026-11-20")!

    func read(_ json: String, _ format: PriceDataset) throws -> SourceRead {
        try SourceRead.read(Data(json.utf8), format: format, checkedAt: Self.day)
    }

    @Test("models.dev: negative price, text price and a zero context window")
    func modelsDev() throws {
        let read = try read(
            #"""
            {"acme": {"id": "acme", "name": "Acme", "models": {
              "good": {"id": "good", "name": "Good", "limit": {"context": 8192, "output": 1024},
                       "modalities": {"input": ["text"], "output": ["text"]}, "cost": {"input": 0.1, "output": 0.2}},
              "bad": {"id": "bad", "name": "Bad", "limit": {"context": 0, "output": 1024},
                      "modalities": {"input": ["text"], "output": ["text"]}, "cost": {"input": -1, "output": "free"}}}}}
            """#, .modelsDev)
        #expect(read.records.map(\.recordID) == ["acme/good"])
        #expect(read.problems.map(\.field).sorted() == ["cost.input", "cost.output", "limit.context"])
        #expect(read.problems.allSatisfy { $0.recordID == "acme/bad" })
        #expect(
            read.problems.map(\.description).contains(
                #"models.dev record "acme/bad", field 'cost.output': expected a price (a number), got text "free""#))
    }

    @Test("genai-prices: a bad tier and a bad start date")
    func genai() throws {
        let read = try read(
            #"""
            [{"id": "acme", "name": "Acme", "pricing_urls": [], "models": [
              {"id": "bad", "prices": [{"prices": {"input_mtok": {"base": 1, "tiers": [{"start": 1000, "price": -2}]}}},
                                      {"constraint": {"start_date": "soon"}, "prices": {"output_mtok": 1}}]}]}]
            """#, .genaiPrices)
        #expect(read.records.isEmpty)
        #expect(read.problems.map(\.field) == ["prices[0].prices.input_mtok.tiers[0].price", "prices[1].constraint.start_date"])
        #expect(read.problems.allSatisfy { $0.recordID == "acme/bad" })
    }

    @Test("LiteLLM: the import refuses unless invalid records are skipped")
    func litellmRefusal() throws {
        let read = try read(
            #"""
            {"sample_spec": {"input_cost_per_token": "documented"},
             "good-1": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06, "max_input_tokens": 1000},
             "acme/bad-1": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": -3e-07, "max_input_tokens": 0}}
            """#, .litellm)
        #expect(read.records.map(\.recordID) == ["good-1"])
        #expect(read.invalidRecordIDs == ["acme/bad-1"])
        #expect(throws: ImportFailure.self) { try read.checked(skipInvalid: false, source: "litellm.json") }
        do {
            _ = try read.checked(skipInvalid: false, source: "litellm.json")
        } catch {
            #expect(error.description.contains(#"litellm record "acme/bad-1", field 'input_cost_per_token': a price cannot be negative"#))
            #expect(error.description.contains("nothing was imported"))
        }
        #expect(try read.checked(skipInvalid: true, source: "litellm.json").map(\.recordID) == ["good-1"])
    }

    @Test("A file that is not the dataset's shape fails as a whole")
    func wrongShape() {
        #expect(throws: ImportFailure.self) { try read("[1, 2]", .litellm) }
        #expect(throws: ImportFailure.self) { try read("{}", .genaiPrices) }
        #expect(throws: ImportFailure.self) { try read("not json", .modelsDev) }
    }
}
