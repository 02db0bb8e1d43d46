import Foundation
import Testing

@testable import VerdictCore

@Suite("Intake prices: exact units, tiers and workload cost")
struct IntakePriceTests {
    static let day = RecordCheck.day("2026-01-01")!

    /// gemini-2.5-flash as the data README states it: $0.30 in / $2.50 out per 1M, cached $0.03.
    static let flash = Offer(
        seller: "google", sellerKind: .vendorAPI, offerID: "gemini-2.5-flash",
        prices: [
            Price(.inputTokens, .exactly("0.3")), Price(.outputTokens, .exactly("2.5")),
            Price(.cachedInputTokens, .exactly("0.03")),
        ], checkedAt: day)

    @Test("Per token ↔ per 1M and per 1,000 are exact in Decimal")
    func conversions() {
        #expect(UnitConversion.perMillion(fromPerToken: .exactly("0.0000003")) == .exactly("0.3"))
        #expect(UnitConversion.perMillion(fromPerToken: .exactly("1.25e-07")) == .exactly("0.125"))
        #expect(UnitConversion.perToken(fromPerMillion: .exactly("2.5")) == .exactly("0.0000025"))
        #expect(UnitConversion.perUnit(fromPerThousand: 5) == .exactly("0.005"))
        #expect(UnitConversion.cost(tokens: 100_000, perMillion: .exactly("0.3")) == .exactly("0.03"))
        // The double route would not be: 0.1 + 0.2 != 0.3 in binary floating point.
        #expect(Decimal.exactly("0.1") + .exactly("0.2") == .exactly("0.3"))
    }

    @Test("JSON numbers read back as the dataset's literal")
    func jsonDecimal() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data("[3e-07, 0.0000025, 0.024999999999999998, 2, 1.5]".utf8))
        guard case .array(let items) = value else {
            Issue.record("not a list")
            return
        }
        #expect(items.map(\.decimal) == ["0.0000003", "0.0000025", "0.024999999999999998", "2", "1.5"].map(Decimal.exactly))
        #expect(JSONValue.string("0.3").decimal == nil)
    }

    @Test("The README cross-check: 100k in + 10k out = $0.055; half cached = $0.0415")
    func crossCheck() {
        #expect(Self.flash.cost(of: Workload(inputTokens: 100_000, outputTokens: 10_000)) == .exactly("0.055"))
        #expect(
            Self.flash.cost(of: Workload(inputTokens: 100_000, outputTokens: 10_000, cachedInputTokens: 50_000)) == .exactly("0.0415"))
        let lines = Self.flash.costLines(for: Workload(inputTokens: 100_000, outputTokens: 10_000, cachedInputTokens: 50_000))
        #expect(lines?.map(\.cost) == ["0.015", "0.0015", "0.025"].map(Decimal.exactly))
    }

    @Test("Cached tokens are clamped to input and fall back to the input price")
    func cachedFallback() {
        var offer = Self.flash
        offer.prices.removeAll { $0.unit == .cachedInputTokens }
        // setup: more cached than input tokens is a provider bug and must not make a call free
        let workload = Workload(inputTokens: 1_000_000, outputTokens: 0, cachedInputTokens: 5_000_000)
        // MUT / validate
        #expect(offer.cost(of: workload) == .exactly("0.3"))
        #expect(offer.costLines(for: workload)?.first?.chargedAs == .inputTokens)
    }

    @Test("An offer without the price a workload needs has no cost, not a cost of zero")
    func missingPrice() {
        let images = Offer(
            seller: "openai", sellerKind: .vendorAPI, offerID: "dall-e-3", prices: [Price(.image, .exactly("0.04"))], checkedAt: Self.day)
        #expect(images.cost(of: Workload(inputTokens: 10, outputTokens: 0)) == nil)
        #expect(images.cost(of: Workload(inputTokens: 0, outputTokens: 0)) == 0)
    }

    @Test("Tiers apply strictly above their size, to the whole call")
    func tiers() {
        let price = Price(
            .inputTokens, .exactly("1.25"),
            tiers: [PriceTier(aboveTokens: 1_000_000, amount: 5), PriceTier(aboveTokens: 200_000, amount: .exactly("2.5"))])
        #expect(price.tiers.map(\.aboveTokens) == [200_000, 1_000_000])
        #expect(price.amount(atContext: 200_000) == .exactly("1.25"))
        #expect(price.amount(atContext: 200_001) == .exactly("2.5"))
        #expect(price.amount(atContext: 2_000_000) == 5)
        let offer = Offer(
            seller: "google", sellerKind: .vendorAPI, offerID: "gemini-2.5-pro", prices: [price, Price(.outputTokens, 10)],
            checkedAt: Self.day)
        #expect(offer.cost(of: Workload(inputTokens: 300_000, outputTokens: 0)) == .exactly("0.75"))
    }
}
