import Foundation
import Testing

@testable import VerdictCore

@Suite("Intake of the real public datasets", .enabled(if: IntakeData.folder != nil, Comment(rawValue: IntakeData.absent)))
struct IntakeDatasetTests {
    static let crossCheck = Workload(inputTokens: 100_000, outputTokens: 10_000)
    static let halfCached = Workload(inputTokens: 100_000, outputTokens: 10_000, cachedInputTokens: 50_000)

    @Test("Every record of models.dev is read or reported: 5,276 models in 147 providers")
    func modelsDevCounts() throws {
        let read = try IntakeData.read(.modelsDev)
        #expect(read.records.count + read.invalidRecordIDs.count == 5_276)
        // 13 context windows of 0 and 5 impossible release dates (four "1970-01-01" placeholders, "2025-25-11").
        #expect(read.records.count == 5_258)
        #expect(read.invalidRecordIDs.count == 18)
        #expect(Set(read.records.map { $0.recordID.split(separator: "/")[0] }).count == 147)
        // A language model with a context window of 0 is absurd; an image model's 0 means "not applicable".
        #expect(read.problems.contains { $0.recordID == "poe/cerebras/llama-3.3-70b-cs" && $0.field == "limit.context" })
        #expect(read.record("openai/gpt-image-1")?.contextWindow == nil)
        #expect(read.record("openai/gpt-image-1")?.category == .image)
    }

    @Test("Every record of genai-prices is read or reported: 1,466 models in 36 providers")
    func genaiCounts() throws {
        let read = try IntakeData.read(.genaiPrices)
        #expect(read.records.count + read.invalidRecordIDs.count == 1_466)
        #expect(read.problems.isEmpty)
        #expect(Set(read.records.map { $0.recordID.split(separator: "/")[0] }).count == 36)
    }

    @Test("Every entry of LiteLLM but sample_spec is read, an alias or reported: 4,877")
    func litellmCounts() throws {
        let read = try IntakeData.read(.litellm)
        #expect(read.records.count + read.aliases.count + read.invalidRecordIDs.count == 4_877)
        #expect((read.records.count, read.aliases.count, read.invalidRecordIDs.count) == (4_769, 98, 10))
        // Embedding models listed with `max_input_tokens: 0` are reported, not read as windowless.
        #expect(read.problems.contains { $0.recordID == "vercel_ai_gateway/openai/text-embedding-3-small" })
        #expect(read.record("sample_spec") == nil)
        #expect(read.aliases["claude-sonnet-latest"] == "claude-sonnet-5-5")
    }

    @Test("gemini-2.5-flash costs $0.055, or $0.0415 half cached, in all three datasets")
    func geminiCrossCheck() throws {
        let records = [
            try IntakeData.read(.modelsDev).record("google/gemini-2.5-flash"),
            try IntakeData.read(.genaiPrices).record("google/gemini-2.5-flash"),
            try IntakeData.read(.litellm).record("gemini/gemini-2.5-flash"),
            try IntakeData.read(.litellm).record("gemini-2.5-flash"),
        ]
        for record in records {
            let offer = try #require(record?.offers.first { $0.variant == .standard && $0.effectiveFrom == nil })
            #expect(record?.toolKey == ToolKey(vendor: "google", model: "gemini-2.5-flash"))
            #expect(offer.price(.inputTokens)?.amount == .exactly("0.3"))
            #expect(offer.cost(of: Self.crossCheck) == .exactly("0.055"), "\(offer.offerID)")
            #expect(offer.cost(of: Self.halfCached) == .exactly("0.0415"), "\(offer.offerID)")
        }
        #expect(records.compactMap { $0?.offers.first?.seller } == ["google", "google", "google", "google-vertex"])
    }

    @Test("genai-prices keeps o3's dated change: $10/$40, then $2/$8 from 2025-06-10")
    func o3History() throws {
        let o3 = try #require(try IntakeData.read(.genaiPrices).record("openai/o3"))
        #expect(o3.offers.map(\.effectiveFrom) == [nil, RecordCheck.day("2025-06-10")])
        #expect(o3.offers.map { $0.price(.inputTokens)?.amount } == [10, 2])
        #expect(o3.offers.map { $0.price(.outputTokens)?.amount } == [40, 8])
        #expect(o3.offers.allSatisfy { $0.sourceURL?.hasPrefix("https://") == true && $0.checkedAt == IntakeData.snapshotDay })
    }

    @Test("Context tiers from each dataset's own shape")
    func tiers() throws {
        let opus = try #require(try IntakeData.read(.genaiPrices).record("anthropic/claude-opus-4-6")?.offers.first)
        #expect(opus.price(.inputTokens) == Price(.inputTokens, 5, tiers: [PriceTier(aboveTokens: 200_000, amount: 10)]))
        let dev = try #require(try IntakeData.read(.modelsDev).record("302ai/claude-opus-4-7")?.offers.first)
        #expect(dev.price(.outputTokens)?.amount(atContext: 250_000) == .exactly("37.5"))
        let pro = try #require(try IntakeData.read(.litellm).record("gemini/gemini-2.5-pro"))
        let standard = try #require(pro.offers.first { $0.variant == .standard })
        #expect(standard.price(.inputTokens)?.tiers == [PriceTier(aboveTokens: 200_000, amount: .exactly("2.5"))])
        #expect(pro.offers.first { $0.variant == .priority }?.price(.outputTokens)?.amount(atContext: 300_000) == 27)
        let qwen = try #require(try IntakeData.read(.litellm).record("dashscope/qwen-flash")?.offers.first)
        #expect(
            qwen.price(.inputTokens)
                == Price(.inputTokens, .exactly("0.05"), tiers: [PriceTier(aboveTokens: 256_000, amount: .exactly("0.25"))]))
    }

    @Test("LiteLLM batch, flex and priority are offers of their own; per-second prices are per second")
    func litellmVariants() throws {
        let read = try IntakeData.read(.litellm)
        let flash = try #require(read.record("gemini/gemini-2.5-flash"))
        #expect(flash.offers.map(\.variant) == [.standard, .batch, .flex, .priority])
        #expect(flash.offers.map { $0.price(.outputTokens)?.amount } == ["2.5", "1.25", "1.25", "4.5"].map(Decimal.exactly))
        // Deprecated only once the date has passed on the snapshot day (2026-11-20).
        #expect(flash.deprecationDate == "2026-12-01" && flash.status == nil)
        #expect(read.record("gemini-2.5-flash")?.deprecationDate == "2026-10-20")
        #expect(read.record("gemini-2.5-flash")?.status == .deprecated)
        let whisper = try #require(read.record("whisper-1"))
        #expect(whisper.category == .audio)
        #expect(whisper.offers.first?.prices == [Price(.audioSecond, .exactly("0.0001"))])
    }

    @Test("LiteLLM per-token prices become exactly their per-1M value (checked against a raw decimal parse)")
    func litellmExact() throws {
        struct Raw: Decodable {
            var input: Decimal?
            enum CodingKeys: String, CodingKey { case input = "input_cost_per_token" }
            init(from decoder: any Decoder) throws {
                input = try? decoder.container(keyedBy: CodingKeys.self).decode(Decimal.self, forKey: .input)
            }
        }
        let raw = try JSONDecoder().decode([String: Raw].self, from: IntakeData.data(.litellm))
        var compared = 0
        for record in try IntakeData.read(.litellm).records {
            guard let perToken = raw[record.recordID]?.input else { continue }
            let perMillion = record.offers.first { $0.variant == .standard }?.price(.inputTokens)?.amount
            #expect(perMillion == UnitConversion.perMillion(fromPerToken: perToken), "\(record.recordID)")
            compared += 1
        }
        #expect(compared > 3_800)
    }

    @Test("One tool, several offers: gpt-4o from three datasets and several sellers")
    func oneToolManyOffers() throws {
        let all = try PriceDataset.allCases.flatMap { try IntakeData.read($0).records }
        let gpt4o = all.filter { $0.toolKey == ToolKey(vendor: "openai", model: "gpt-4o") }
        #expect(Set(gpt4o.map(\.dataset)) == Set(PriceDataset.allCases))
        let sellers = Set(gpt4o.flatMap(\.offers).map(\.seller))
        #expect(sellers.isSuperset(of: ["openai", "azure", "openrouter"]))
        let openAI = gpt4o.flatMap(\.offers).filter { $0.seller == "openai" && $0.variant == .standard }
        #expect(openAI.allSatisfy { $0.price(.inputTokens)?.amount == .exactly("2.5") && $0.sellerKind == .vendorAPI })
    }
}
