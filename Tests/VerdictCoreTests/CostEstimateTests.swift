import Foundation
import Testing

@testable import VerdictCore

/// The buyer's month: exact decimal arithmetic, the cheapest matching offer, free quotas, presets.
@Suite("Cost for a workload")
struct CostEstimateTests {
    static let day = RecordCheck.day("2026-11-01")!

    static func quote(
        _ seller: String, _ prices: [Price], variant: OfferVariant = .standard, kind: SellerKind = .vendorAPI, free: FreeQuota? = nil,
        source: String = "models.dev"
    ) -> OfferQuote {
        OfferQuote(
            offer: Offer(
                seller: seller, sellerKind: kind, offerID: seller, variant: variant, prices: prices, freeQuota: free, checkedAt: day),
            source: source, effectiveFrom: day, checkedAt: day)
    }

    static func d(_ s: String) -> Decimal { Decimal(string: s)! }
    static let flash = quote(
        "google", [Price(.inputTokens, d("0.3")), Price(.outputTokens, d("2.5")), Price(.cachedInputTokens, d("0.03"))])

    @Test(
        "Table: tokens, cached share 0 and 1, mixed units, free quota larger than usage",
        arguments: [
            // (usage, quotes, expected total)
            (UsageProfile(inputTokens: 100_000, outputTokens: 10_000), [flash], "0.055"),
            (UsageProfile(inputTokens: 100_000, outputTokens: 10_000, cachedInputShare: 0), [flash], "0.055"),
            (UsageProfile(inputTokens: 100_000, outputTokens: 10_000, cachedInputShare: 1), [flash], "0.028"),
            (UsageProfile(inputTokens: 100_000, outputTokens: 10_000, cachedInputShare: d("0.5")), [flash], "0.0415"),
            // No cached price: cached tokens are charged as input.
            (
                UsageProfile(inputTokens: 1_000_000, cachedInputShare: 1),
                [quote("x", [Price(.inputTokens, d("2")), Price(.outputTokens, d("8"))])], "2"
            ),
            // Mixed units: images and seconds of video at per-unit prices, seats where priced.
            (
                UsageProfile(images: 10, videoSeconds: 30, seats: 2),
                [quote("v", [Price(.image, d("0.04")), Price(.videoSecond, d("0.5")), Price(.seatMonth, d("20"))])], "55.4"
            ),
            // A daily free quota larger than the month's use: free.
            (
                UsageProfile(images: 100, requests: 1_000),
                [quote("f", [Price(.image, d("0.02"))], free: FreeQuota(unit: .image, quantity: 50, period: "day"))], "0"
            ),
            // A monthly quota smaller than use: the rest is billed.
            (
                UsageProfile(images: 100),
                [quote("f", [Price(.image, d("0.02"))], free: FreeQuota(unit: .image, quantity: 40, period: "month"))], "1.2"
            ),
        ] as [(UsageProfile, [OfferQuote], String)])
    func totals(_ usage: UsageProfile, _ quotes: [OfferQuote], _ expected: String) {
        let estimate = CostEstimate.estimate(usage, quotes: quotes)
        #expect(estimate.status == .priced)
        #expect(estimate.total == Decimal(string: expected), "\(estimate.lines.map(\.text))")
    }

    @Test("The cheapest matching offer wins; batch only counts when batch is allowed; flex and off-peak never")
    func cheapest() {
        let standard = Self.quote("openai", [Price(.inputTokens, Self.d("2.5")), Price(.outputTokens, Self.d("10"))])
        let batch = Self.quote("openai", [Price(.inputTokens, Self.d("1.25")), Price(.outputTokens, Self.d("5"))], variant: .batch)
        let flex = Self.quote("openai", [Price(.inputTokens, Self.d("0.1")), Price(.outputTokens, Self.d("0.1"))], variant: .flex)
        let host = Self.quote("azure", [Price(.inputTokens, Self.d("2.5")), Price(.outputTokens, Self.d("10"))], kind: .cloud)
        let usage = UsageProfile(inputTokens: 1_000_000, outputTokens: 1_000_000)
        let plain = CostEstimate.estimate(usage, quotes: [host, standard, batch, flex])
        #expect(plain.total == 12.5 && plain.quote?.offer.seller == "openai" && plain.quote?.offer.variant == .standard)
        #expect(plain.matching == 2)
        var withBatch = usage
        withBatch.batch = true
        let cheaper = CostEstimate.estimate(withBatch, quotes: [host, standard, batch, flex])
        #expect(cheaper.total == Decimal(string: "6.25") && cheaper.quote?.offer.variant == .batch)
        #expect(
            cheaper.lines.map(\.text) == [
                "1,000,000 input tokens × $1.25 per 1M = $1.25", "1,000,000 output tokens × $5.00 per 1M = $5.00",
            ])
    }

    @Test("A $0 free tier does not price a production month while a paid offer covers it; alone, it does")
    func freeTier() {
        let free = Self.quote("github-models", [Price(.inputTokens, 0), Price(.outputTokens, 0)], kind: .inferenceHost)
        let paid = Self.quote("openai", [Price(.inputTokens, Self.d("0.4")), Price(.outputTokens, Self.d("1.6"))])
        let usage = UsageProfile(inputTokens: 1_000_000, outputTokens: 1_000_000)
        let e = CostEstimate.estimate(usage, quotes: [free, paid])
        #expect(e.total == 2 && e.quote?.offer.seller == "openai" && e.matching == 2)
        #expect(e.notes.contains { $0.contains("github-models lists it at $0") })
        #expect(CostEstimate.estimate(usage, quotes: [free]).total == 0)
    }

    @Test("Contact sales only, and prices that do not cover the month, say so instead of guessing")
    func unpriced() {
        #expect(CostEstimate.estimate(UsageProfile(inputTokens: 1), quotes: []).status == .unpublished)
        let textOnly = Self.quote("openai", [Price(.inputTokens, 1), Price(.outputTokens, 2)])
        let images = CostEstimate.estimate(UsageProfile(inputTokens: 10, images: 5), quotes: [textOnly])
        #expect(images.status == .noMatchingOffer(missing: [.image]) && images.total == nil)
    }

    @Test("Long-context tiers are named, the base price used; money reads in cents")
    func tiersAndMoney() {
        let tiered = Self.quote(
            "google",
            [
                Price(.inputTokens, Self.d("1.25"), tiers: [PriceTier(aboveTokens: 200_000, amount: Self.d("2.5"))]),
                Price(.outputTokens, 10),
            ])
        let e = CostEstimate.estimate(UsageProfile(inputTokens: 4_000_000, outputTokens: 0), quotes: [tiered])
        #expect(e.total == 5 && e.notes.first?.contains("prompts over 200,000 tokens cost $2.50") == true)
        #expect(CostEstimate.money(Self.d("1234.565")) == "$1,234.57")
        #expect(CostEstimate.money(Self.d("0.004")) == "under $0.01")
        #expect(CostEstimate.money(0) == "$0.00")
    }

    @Test("Parameters: presets, explicit values over them, and each bad value named")
    func parse() throws {
        let (p, preset) = try UsageProfile.parse(["preset": "startup", "output_tokens": "1_000", "batch": "true"])
        #expect(preset?.id == "startup" && p.inputTokens == 200_000_000 && p.outputTokens == 1_000 && p.batch)
        #expect(p.cachedInputTokens == 60_000_000)
        for (query, message) in [
            (["input_tokens": "-5"], "input_tokens must be a whole number"), (["cached_input_share": "1.5"], "cached_input_share"),
            (["batch": "maybe"], "batch must be true or false"),
            (["preset": "enterprise"], "preset must be one of hobby, startup, scale-up"),
            (["images": "1e9"], "images must be a whole number"), (["requests": "99999999999999"], "requests must be"),
        ] {
            #expect(throws: UsageError.self) { try UsageProfile.parse(query) }
            do { _ = try UsageProfile.parse(query) } catch { #expect(error.message.contains(message), "\(query): \(error)") }
        }
        #expect(UsagePreset.all.map(\.id) == ["hobby", "startup", "scale-up"])
        #expect(UsagePreset.all[0].summary == "2,000,000 input tokens, 500,000 output tokens, 1 seat, 2,000 requests a month")
    }
}

/// The recommendation recomputed for a reader's workload: the cost breaks a tie, never a lead.
@Suite("Recommendation for a workload")
struct WorkloadRecommendationTests {
    static let all: [Persona: Verdict] = [.builder: .ship, .skeptic: .ship, .futurist: .ship, .buyer: .ship]
    static let three: [Persona: Verdict] = [.builder: .ship, .skeptic: .skip, .futurist: .ship, .buyer: .ship]

    @Test("Too close on verdicts: the cheaper month decides, says so, and says the pick changed")
    func tieBroken() {
        let a = Fixture.standing("alpha", Self.all, entry: .free)
        let b = Fixture.standing("beta", Self.all, entry: .paid)
        let plain = Comparison(a, b).recommendation
        #expect(plain.pick == "alpha" && !plain.decisive)  // the entry tier broke the tie
        let (r, changed) = plain.forWorkload(a, b, costA: 120, costB: Decimal(string: "80.5")!, workload: "1,000 input tokens a month")
        #expect(r.pick == "beta" && changed)
        #expect(r.reason.contains("your workload's cost decides, narrowly"))
        #expect(r.reason.contains("Alpha $120.00 a month, Beta $80.50"))
        // The same cheaper tool as the plain pick: no change reported.
        let (same, unchanged) = plain.forWorkload(a, b, costA: 10, costB: 20, workload: "w")
        #expect(same.pick == "alpha" && !unchanged)
    }

    @Test("A clear lead stands whatever the cost; an unpriced tool leaves the recommendation alone")
    func leadStands() {
        let a = Fixture.standing("alpha", Self.all)
        let b = Fixture.standing("beta", [.builder: .skip, .skeptic: .skip, .futurist: .ship, .buyer: .skip])
        let plain = Comparison(a, b).recommendation
        #expect(plain.pick == "alpha" && plain.decisive)
        let (r, changed) = plain.forWorkload(a, b, costA: 500, costB: 1, workload: "w")
        #expect(r.pick == "alpha" && !changed && r.reason.contains("Alpha $500.00 a month, Beta $1.00"))
        let (untouched, no) = plain.forWorkload(a, b, costA: nil, costB: 1, workload: "w")
        #expect(untouched == plain && !no)
    }
}
