import Foundation
import Testing

@testable import VerdictCore

/// Dataset records as a catalog document (`DatasetCatalog`), on crafted records and on the real datasets.
@Suite("Intake: datasets become catalog documents")
struct IntakeCatalogTests {
    static let day = RecordCheck.day("2026-07-02")!

    static func model(_ id: String, provider: String, input: Decimal? = 1, context: Int? = 8_000, category: ModelCategory = .language)
        -> SourceModel
    {
        let key = ToolKey.match(id, provider: provider)
        let seller = ToolKey.seller(provider)
        let prices = input.map { [Price(.inputTokens, $0), Price(.outputTokens, $0 * 4)] } ?? []
        let offer = Offer(
            seller: seller, sellerKind: ToolKey.sellerKind(seller: seller, vendor: key.vendor), offerID: "\(provider)/\(id)",
            prices: prices, checkedAt: day)
        return SourceModel(
            dataset: .modelsDev, recordID: "\(provider)/\(id)", toolKey: key, name: id.uppercased(), category: category,
            contextWindow: context, inputModalities: ["text"], outputModalities: ["text"], offers: [offer])
    }

    static func tools(_ catalog: DatasetCatalog) -> [[String: JSONValue]] {
        guard case .object(let root) = catalog.document, case .array(let list) = root["tools"] else { return [] }
        return list.compactMap { if case .object(let m) = $0 { m } else { nil } }
    }

    @Test("One model sold by several providers is one tool, priced from the vendor's own offer")
    func oneToolPerModel() {
        let catalog = DatasetCatalog.build(
            [Self.model("gpt-4o", provider: "azure", input: 5), Self.model("gpt-4o", provider: "openai", input: 2.5)],
            dataset: .modelsDev, knownSlugs: [])
        let tools = Self.tools(catalog)
        #expect(catalog.added == ["gpt-4o"] && tools.count == 1)
        guard case .object(let facts) = tools.first?["facts"] else {
            Issue.record("no facts")
            return
        }
        #expect(facts["input_price_per_mtok"] == .double(2.5) && facts["output_price_per_mtok"] == .double(10))
        #expect(
            facts["price_note"]
                == .string("openai, per 1M tokens: $2.50 input, $10.00 output, as models.dev listed it; 2 sellers in that dataset"))
        #expect(tools.first?["vendor"] == .string("OpenAI") && tools.first?["entry"] == .string("paid"))
    }

    @Test("Tools already in the catalog are left as they are; slugs never clash; services are left out")
    func knownAndClashing() {
        let catalog = DatasetCatalog.build(
            [
                Self.model("gemini-2.5-flash", provider: "google"), Self.model("zeta/coder-7b", provider: "openrouter"),
                Self.model("coder-7b", provider: "acme"), Self.model("meta-llama/llama-3-8b", provider: "openrouter"),
                Self.model("llama-3-8b", provider: "groq"), Self.model("web-search", provider: "acme", category: .other),
                Self.model("free-one", provider: "acme", input: 0),
            ],
            dataset: .modelsDev, knownSlugs: ["gemini-2-5-flash"])
        #expect(catalog.unchanged == ["gemini-2-5-flash"])
        #expect(catalog.notModels == 1)
        // Two vendors' coder-7b are two tools; Meta's Llama from two hosts is one (the matching rule).
        #expect(Set(catalog.added) == ["coder-7b", "zeta-coder-7b", "llama-3-8b", "free-one"])
        let free = Self.tools(catalog).first { $0["slug"] == .string("free-one") }
        #expect(free?["entry"] == .string("free"))
        #expect(DatasetCatalog.slug("a-vs-b") == "a-v-b" && DatasetCatalog.slug(String(repeating: "x-", count: 60)).count <= 80)
    }

    @Test("Every dataset becomes a document the catalog validator accepts", arguments: PriceDataset.allCases)
    func realDatasetsValidate(_ format: PriceDataset) throws {
        guard IntakeData.folder != nil else {
            print(IntakeData.absent)
            return
        }
        let read = try IntakeData.read(format)
        let catalog = DatasetCatalog.build(read.records, dataset: format, knownSlugs: [])
        let plan = try CatalogImport.validate(catalog.document, source: format.rawValue, knownSlugs: [])
        #expect(plan.tools.count == catalog.added.count)
        #expect(plan.tools.count > 500, "\(format.rawValue): only \(plan.tools.count) tools")
        #expect(Set(plan.tools.map(\.slug)).count == plan.tools.count)
    }
}
