import Foundation
import Testing

@testable import VerdictCore

/// The pure half of a sync: the source list, the diff, decimal storage, disagreements, ownership.
@Suite("Intake: sources, diffs, stored prices, disagreements")
struct IntakeSyncTests {
    typealias M = IntakeCatalogTests

    static func hash(_ model: SourceModel) -> String { String(decoding: model.fingerprintJSON, as: UTF8.self) }

    @Test("VERDICT_SOURCES: formats name sources once; URLs and paths; each mistake named")
    func sourceList() throws {
        let list = try SourceList.parse("models.dev=https://models.dev/api.json, litellm=/srv/data/litellm.json")
        #expect(list.sources.map(\.name) == ["models.dev", "litellm"])
        #expect(list.sources[0].location == .url("https://models.dev/api.json"))
        #expect(list.sources[1].location == .file("/srv/data/litellm.json"))
        #expect(try SourceList.parse("").sources.isEmpty)
        let cases: [(String, String)] = [
            ("models.dev", "is not FORMAT=LOCATION"), ("openrouter=https://x", "not a dataset format"),
            ("litellm=", "has no location"), ("litellm=/a,litellm=/b", "listed twice"), ("litellm=ftp://x/y", "only http, https"),
        ]
        for (text, message) in cases {
            #expect(throws: SourceListError.self) { try SourceList.parse(text) }
            do { _ = try SourceList.parse(text) } catch { #expect(error.description.contains(message), "\(text): \(error)") }
        }
    }

    @Test("The diff: added, changed, removed, unchanged; a returning record is added; a malformed one is kept")
    func diff() {
        let a = M.model("gpt-a", provider: "openai", input: 1)
        let b = M.model("gpt-b", provider: "openai", input: 2)
        let c = M.model("gpt-c", provider: "openai", input: 3)
        let stored: [String: SourceDiff.Stored] = [
            a.recordID: .init(fingerprint: Self.hash(a)), b.recordID: .init(fingerprint: Self.hash(b)),
            c.recordID: .init(fingerprint: Self.hash(c)), "openai/gone": .init(fingerprint: "x"),
            "openai/back": .init(fingerprint: "y", removed: true),
        ]
        var b2 = b
        b2.offers[0].prices[0] = Price(.inputTokens, Decimal(string: "1.5")!)
        var laterA = a
        laterA.offers[0].checkedAt = Date(timeIntervalSince1970: 2_000_000_000)  // a later snapshot, same facts
        let back = M.model("back", provider: "openai")
        let d = SourceDiff.compute(stored: stored, incoming: [laterA, b2, back], kept: [c.recordID], fingerprint: Self.hash)
        #expect(d.added.map(\.recordID) == ["openai/back"])
        #expect(d.changed.map(\.recordID) == ["openai/gpt-b"])
        #expect(d.removed == ["openai/gone"])
        #expect(d.unchanged == 1)
        #expect(d.line == "1 added, 1 changed, 1 removed, 1 unchanged")
        #expect(SourceDiff.compute(stored: stored, incoming: [a, b, c], fingerprint: Self.hash).removed == ["openai/gone"])
    }

    @Test("Money is stored as decimal text and read back exactly")
    func decimals() throws {
        let sheet = PriceSheet(
            prices: [
                Price(.inputTokens, Decimal(string: "0.075")!, tiers: [PriceTier(aboveTokens: 200_000, amount: Decimal(string: "0.15")!)])
            ],
            freeQuota: FreeQuota(unit: .request, quantity: 1500, period: "day"))
        let offer = Offer(
            seller: "google", sellerKind: .vendorAPI, offerID: "g", prices: sheet.prices, freeQuota: sheet.freeQuota, checkedAt: M.day)
        #expect(offer.pricesJSON.contains(#""amount":"0.075""#))
        let back = try #require(PriceSheet.stored(offer.pricesJSON))
        #expect(back == sheet)
        #expect(back.price(.inputTokens)?.amount == Decimal(string: "0.075"))
        #expect(PriceSheet.stored(#"{"prices":[{"unit":"input_tokens","amount":"lots"}]}"#) == nil)
        let model = M.model("gpt-z", provider: "openai", input: Decimal(string: "0.1")!)
        #expect(SourceModel.stored(model.storedJSON) == model)
    }

    @Test("Datasets disagreeing on a price of the same offer or on a context window are listed; agreeing ones are not")
    func disagreements() {
        var dev = M.model("gpt-q", provider: "openai", input: 2, context: 128_000)
        var lite = M.model("gpt-q", provider: "openai", input: 2, context: 128_000)
        lite.dataset = .litellm
        #expect(SourceDisagreement.find([dev, lite]).isEmpty)
        lite.offers[0].prices[0] = Price(.inputTokens, Decimal(string: "2.5")!)
        lite.contextWindow = 200_000
        let found = SourceDisagreement.find([dev, lite])
        #expect(
            found.map(\.line) == [
                "openai, standard: per 1M input tokens — models.dev $2.00, litellm $2.50",
                "openai: context window — models.dev 128,000 tokens, litellm 200,000 tokens",
            ])
        dev.offers[0].seller = "azure"  // another seller's price and limits are not the same offer's
        #expect(SourceDisagreement.find([dev, lite]).isEmpty)
    }

    @Test("A dataset rewrites only the tools it made; other keys only gain offers; a taken slug gets a number")
    func ownership() {
        let existing: [ToolKey: DatasetCatalog.Existing] = [
            ToolKey(vendor: "openai", model: "gpt-a"): .init(slug: "gpt-a", owner: .modelsDev),
            ToolKey(vendor: "openai", model: "gpt-b"): .init(slug: "gpt-b", owner: .litellm),
            ToolKey(vendor: "openai", model: "gpt-e"): .init(slug: "gpt-e", owner: nil),
        ]
        let models = ["gpt-a", "gpt-b", "gpt-e", "gpt-c"].map { M.model($0, provider: "openai") }
        let catalog = DatasetCatalog.build(
            models, dataset: .modelsDev, knownSlugs: ["gpt-a", "gpt-b", "gpt-e", "gpt-c", "openai-gpt-c"], existing: existing)
        #expect(catalog.updated == ["gpt-a"])
        #expect(catalog.unchanged.sorted() == ["gpt-b", "gpt-c", "gpt-e"])
        #expect(catalog.slugs[ToolKey(vendor: "openai", model: "gpt-c")] == "gpt-c")
        let limited = DatasetCatalog.build(models, dataset: .modelsDev, knownSlugs: [], existing: existing, changedKeys: [])
        #expect(limited.added.isEmpty && limited.updated.isEmpty && limited.slugs.count == 3)
        let clash = DatasetCatalog.build(
            [M.model("gpt-n", provider: "openai")], dataset: .modelsDev, knownSlugs: ["gpt-n", "openai-gpt-n"],
            existing: [ToolKey(vendor: "x", model: "gpt-n"): .init(slug: "gpt-n", owner: .modelsDev)])
        #expect(clash.added == ["openai-gpt-n-2"])
    }

    @Test("A suggestion's fields are checked and cleaned; hidden characters in a URL are refused")
    func suggestion() {
        let ok = Suggestion.check(
            name: "  Acme\u{202E} Coder ", url: "https://acme.example", category: "Coding Assistants", reason: "good", vendor: true,
            categories: ["Coding Assistants"])
        guard case .success(let s) = ok else {
            Issue.record("refused: \(ok)")
            return
        }
        #expect(s.name == "Acme Coder" && s.vendorSubmitted)
        let bad = Suggestion.check(
            name: "", url: "https://acme.example/\u{200B}x", category: "Nope", reason: String(repeating: "x", count: 3000), vendor: false,
            categories: ["Coding Assistants"])
        guard case .failure(let problems) = bad else {
            Issue.record("accepted")
            return
        }
        #expect(Set(problems.fields.keys) == ["name", "url", "category", "reason"])
    }
}
