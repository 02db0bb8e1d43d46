import Foundation
import Testing

@testable import VerdictCore

struct RubricTests {
    // MARK: - Determinism

    @Test func fnv1aMatchesReferenceVectors() {
        // Published FNV-1a 64-bit test vectors; a seeded hash would fail these.
        #expect(Rubric.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(Rubric.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Rubric.fnv1a("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func sameToolTwiceGivesIdenticalTakes() {
        for tool in [RubricFixture.full, RubricFixture.empty, RubricFixture.longStrings] {
            // MUT
            let first = Rubric.panel(for: tool)
            let second = Rubric.panel(for: tool)
            // validate
            #expect(first == second)
            #expect(first == Persona.allCases.map { Rubric.take(for: $0, on: tool) })
        }
    }

    @Test func panelIsFourRubricTakesInPersonaOrder() {
        let panel = Rubric.panel(for: RubricFixture.full)
        #expect(panel.map(\.persona) == [.builder, .skeptic, .futurist, .buyer])
        #expect(panel.allSatisfy { $0.source == .rubric })
        #expect(Rubric.version == "rubric-3")
    }

    @Test func factsOnlyAnotherPersonaWeighsLeaveATakeUnchanged() {
        // setup: pricing is the Buyer's concern, not the Builder's or the Skeptic's
        var changed = RubricFixture.full
        changed.facts.pricingPublished = false
        changed.facts.freeTier = false
        // MUT / validate
        for persona in [Persona.builder, .skeptic, .futurist] {
            #expect(Rubric.take(for: persona, on: changed) == Rubric.take(for: persona, on: RubricFixture.full))
        }
        #expect(Rubric.take(for: .buyer, on: changed) != Rubric.take(for: .buyer, on: RubricFixture.full))
    }

    // MARK: - Length and voice

    @Test func everyTakeIs60To180Words() {
        for tool in [RubricFixture.full, RubricFixture.empty, RubricFixture.longStrings] {
            for take in Rubric.panel(for: tool) {
                let words = Rubric.wordCount(take.text)
                #expect((60...180).contains(words), "\(tool.slug) \(take.persona): \(words) words")
            }
        }
    }

    @Test func longVendorStringsNeverCutTheVerdictOff() {
        for take in Rubric.panel(for: RubricFixture.longStrings) {
            #expect(!take.text.hasSuffix("…"), "\(take.persona) was clipped mid-sentence")
            #expect(take.text.contains(", clearly") || take.text.contains(", narrowly"), "\(take.persona) lost its verdict line")
        }
        let skeptic = Rubric.take(for: .skeptic, on: RubricFixture.longStrings).text
        #expect(!skeptic.contains(String(repeating: "very ", count: 20)))
    }

    @Test func sweepOfFactCombinationsStaysInBudget() {
        for i in 0..<400 {
            let tool = RubricFixture.sweep(i)
            for persona in Persona.allCases {
                let take = Rubric.take(for: persona, on: tool, asOf: "2026-11")
                let words = Rubric.wordCount(take.text)
                #expect((60...180).contains(words), "tool \(i) \(persona): \(words) words")
                #expect(take == Rubric.take(for: persona, on: tool, asOf: "2026-11"))
            }
        }
    }

    @Test func fourTakesReadAsFourPeople() {
        let panel = Rubric.panel(for: RubricFixture.full)
        let texts = panel.map(\.text)
        for i in texts.indices {
            for j in texts.indices where i < j {
                #expect(texts[i] != texts[j])
                #expect(texts[i].prefix(30) != texts[j].prefix(30))
            }
        }
        let (builder, skeptic, futurist, buyer) = (texts[0], texts[1], texts[2], texts[3])
        #expect(builder.contains("HTTP API") && builder.contains("Python and TypeScript SDKs"))
        #expect(builder.contains("10 minutes") && builder.contains("rate limits"))
        #expect(skeptic.contains("GitHub Copilot, Cursor, and Codeium"))
        #expect(skeptic.contains("within 12 months"))
        #expect(futurist.contains("by 2027, most routine pull requests"))
        #expect(futurist.contains("on time"))
        #expect(buyer.contains("$18.00") && buyer.contains("Freemium"))
        // Each stays in its own lane.
        #expect(!builder.contains("$18.00") && !buyer.contains("Cursor") && !skeptic.contains("SDK"))
    }

    @Test func phrasingVariesByToolNameButNotByRun() {
        let names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
        let openers = Set(
            names.map { name in
                var tool = RubricFixture.empty
                tool.name = name
                return Rubric.take(for: .builder, on: tool).text.replacingOccurrences(of: name, with: "X")
                    .prefix(40)
            })
        #expect(openers.count > 1)
    }

    // MARK: - Unknown facts

    @Test func emptyFactsAreNamedUnknownNeverInvented() {
        for take in Rubric.panel(for: RubricFixture.empty) {
            let text = take.text
            #expect(text.contains("unknown") || text.contains("not declared"), "\(take.persona)")
            #expect(take.verdict == .skip, "\(take.persona) shipped on no facts")
        }
        let panel = Rubric.panel(for: RubricFixture.empty).map(\.text)
        #expect(panel[0].contains("API, SDKs, and docs are not declared"))
        #expect(panel[1].contains("Competitors are not declared"))
        #expect(panel[2].contains("thesis behind Mystery Box is not declared"))
        #expect(panel[3].contains("unknown"))
        #expect(!panel[3].contains("$"), "the Buyer invented a price")
        #expect(!panel[1].contains("\""), "the Skeptic quoted a claim nobody made")
    }

    // MARK: - Verdicts follow the facts

    @Test func buyerFlipsToShipOncePricingIsPublished() {
        // setup: a free tier and declared rates, but no published price page
        var facts = ToolFacts()
        facts.freeTier = true
        facts.pricingModel = .perToken
        facts.inputPricePerMTok = 0.5
        facts.outputPricePerMTok = 1.5
        facts.pricingPublished = false
        let hidden = RubricFixture.with(facts, entry: .freemium)
        facts.pricingPublished = true
        let published = RubricFixture.with(facts, entry: .freemium)
        // MUT
        let before = Rubric.take(for: .buyer, on: hidden)
        let after = Rubric.take(for: .buyer, on: published)
        // validate
        #expect(before.verdict == .skip)
        #expect(before.flip == "flips to ship once pricing is published")
        #expect(before.text.contains("Prices are not published"))
        #expect(after.verdict == .ship)
        #expect(after.text.contains("Prices sit on a public page"))
    }

    @Test func buyerModelsUnitEconomicsOnlyFromDeclaredRates() {
        var facts = ToolFacts()
        facts.pricingModel = .perToken
        facts.pricingPublished = true
        let noRates = Rubric.take(for: .buyer, on: RubricFixture.with(facts)).text
        facts.inputPricePerMTok = 0.5
        facts.outputPricePerMTok = 1.25
        let rates = Rubric.take(for: .buyer, on: RubricFixture.with(facts)).text
        #expect(noRates.contains("per-token rates are not declared") && !noRates.contains("$"))
        #expect(rates.contains("1M input plus 1M output tokens cost $1.75 ($0.50 in, $1.25 out)"))
    }

    @Test func builderShipsOnAPublicAPIAndSkipsWithoutOne() {
        // setup
        var facts = ToolFacts()
        facts.api = true
        facts.sdks = ["python"]
        facts.docsURL = "https://docs.example.com"
        facts.status = .ga
        let withAPI = RubricFixture.with(facts)
        facts.api = false
        let withoutAPI = RubricFixture.with(facts)
        // MUT
        let ship = Rubric.take(for: .builder, on: withAPI)
        let skip = Rubric.take(for: .builder, on: withoutAPI)
        // validate
        #expect(ship.verdict == .ship)
        #expect(ship.text.contains("earns the ship is a documented HTTP API"))
        // The nearest fact to the line: the docs (a swing of 2) before the API (a swing of 6).
        #expect(ship.flip == "flips to skip if the docs at docs.example.com go away")
        #expect(skip.verdict == .skip)
        #expect(skip.text.contains("loses it is no public API"))
        #expect(skip.flip == "flips to ship once a documented public API ships")
    }

    @Test func skepticCallsClaimsWithoutBenchmarksUnverified() {
        // setup
        var facts = RubricFixture.full.facts
        facts.claims = ["10x faster than anything else on the market, guaranteed, for every workload you can imagine today"]
        facts.benchmarksPublished = nil
        let undeclared = Rubric.take(for: .skeptic, on: RubricFixture.with(facts))
        facts.benchmarksPublished = false
        let unpublished = Rubric.take(for: .skeptic, on: RubricFixture.with(facts))
        facts.benchmarksPublished = true
        let published = Rubric.take(for: .skeptic, on: RubricFixture.with(facts))
        // validate
        #expect(undeclared.text.contains("is unverified and counts for nothing until someone checks it"))
        #expect(unpublished.text.contains("is unverified: no method or numbers, so it counts for nothing here"))
        #expect(unpublished.text.contains("no published benchmarks"))
        #expect(unpublished.verdict == .skip)
        #expect(unpublished.flip == "flips to ship once Sample publishes method and numbers")
        #expect(published.text.contains("comes with published method and numbers; until someone reproduces them"))
        #expect(published.verdict == .ship)
        // The claim is quoted short, not in full.
        #expect(unpublished.text.contains("\"10x faster than anything else"))
        #expect(!unpublished.text.contains("you can imagine today"))
    }

    @Test func futuristJudgesTimingAgainstAsOf() {
        // setup: a beta launched 2026-09 with a stated bet
        var facts = ToolFacts()
        facts.status = .beta
        facts.launched = "2026-09"
        facts.bet = "Every spreadsheet will have an agent in it."
        facts.modalities = ["text"]
        facts.openWeights = true
        facts.competitors = ["Sheets Copilot"]
        let tool = RubricFixture.with(facts)
        // MUT
        let now = Rubric.take(for: .futurist, on: tool, asOf: "2026-11")
        let later = Rubric.take(for: .futurist, on: tool, asOf: "2028-06")
        // validate
        #expect(now.text.contains("is early: still in beta 2 months after its 2026-09 launch"))
        #expect(now.text.contains("by 2027, every spreadsheet will have an agent in it"))
        #expect(now.verdict == .ship && now.conviction == .narrow)
        #expect(later.text.contains("is late: still in beta 21 months after its 2026-09 launch"))
        #expect(later.text.contains("by 2029,"))
        #expect(later.verdict == .skip)
        #expect(later.flip == "flips to ship once it reaches general availability")
    }

    @Test func futuristKeepsAYearTheVendorAlreadyNamed() {
        var facts = ToolFacts()
        facts.bet = "By 2030, AI agents will negotiate most B2B contracts."
        let text = Rubric.take(for: .futurist, on: RubricFixture.with(facts)).text
        // The acronym keeps its case; only a leading ordinary word is lower-cased mid-sentence.
        #expect(text.contains(": by 2030, AI agents will negotiate most B2B contracts."))
        #expect(!text.contains("by 2027, by 2030"))
    }

    @Test func narrowVerdictNamesTheFactThatWouldFlipIt() {
        // setup: published prices, a price line, enterprise controls and low lock-in, but a
        // Paid entry with no free tier: exactly at the Buyer's line
        var facts = ToolFacts()
        facts.pricingPublished = true
        facts.freeTier = false
        facts.pricingModel = .perSeat
        facts.priceNote = "$30/seat/month"
        facts.enterprise = true
        facts.lockIn = .low
        let take = Rubric.take(for: .buyer, on: RubricFixture.with(facts, entry: .paid))
        // validate
        #expect(take.verdict == .ship)
        #expect(take.conviction == .narrow)
        // The nearest fact: the price line (a swing of 2) before the price page (a swing of 5).
        #expect(take.flip == "flips to skip if the price line \"$30/seat/month\" is withdrawn")
        #expect(take.text.hasSuffix("It flips to skip if the price line \"$30/seat/month\" is withdrawn."))
    }
}

/// Tools for the rubric tests: fully specified, empty, oversized, and a deterministic sweep.
enum RubricFixture {
    static func with(_ facts: ToolFacts, entry: EntryTier = .paid) -> Tool {
        Tool(
            slug: "sample", name: "Sample", category: "Developer Tools", description: "A sample tool.",
            entry: entry, facts: facts)
    }

    static let full: Tool = {
        var f = ToolFacts()
        f.api = true
        f.sdks = ["python", "typescript"]
        f.docsURL = "https://docs.patchpilot.dev"
        f.quickstartMinutes = 10
        f.license = "proprietary"
        f.openWeights = false
        f.selfHostable = false
        f.rateLimitsPublished = true
        f.status = .ga
        f.modalities = ["text", "code"]
        f.contextWindow = 200_000
        f.competitors = ["GitHub Copilot", "Cursor", "Codeium"]
        f.claims = ["Resolves 60% of real GitHub issues without human help"]
        f.benchmarksPublished = false
        f.backing = .venture
        f.lockIn = .medium
        f.launched = "2025-06"
        f.bet = "Most routine pull requests will be written and reviewed by agents."
        f.pricingModel = .perToken
        f.pricingPublished = true
        f.freeTier = true
        f.inputPricePerMTok = 3
        f.outputPricePerMTok = 15
        f.priceNote = "$3 / $15 per MTok"
        f.enterprise = true
        return Tool(
            slug: "patchpilot", name: "PatchPilot", vendor: "Acme", category: "Developer Tools",
            description: "An agent that turns issues into pull requests.", entry: .freemium, facts: f)
    }()

    static let empty = Tool(
        slug: "mystery-box", name: "Mystery Box", category: "Image Generation", description: "Unknown.",
        entry: .paid)

    static let longStrings: Tool = {
        let long = String(repeating: "very ", count: 60) + "long"
        var f = full.facts
        f.sdks = Array(repeating: long, count: 9)
        f.competitors = Array(repeating: long, count: 7)
        f.claims = [long, long]
        f.benchmarksPublished = nil
        f.bet = long
        f.priceNote = long
        f.pricingModel = .perSeat
        f.openWeights = nil
        f.modalities = nil
        f.backing = nil
        return Tool(
            slug: "long", name: long, category: long, description: long, entry: .contact, facts: f)
    }()

    /// A deterministic spread of fact combinations, so the word budget is checked beyond the fixtures.
    static func sweep(_ i: Int) -> Tool {
        func pick<T>(_ options: [T], _ field: String) -> T {
            options[Int(Rubric.fnv1a("\(i):\(field)") % UInt64(options.count))]
        }
        var f = ToolFacts()
        f.api = pick([true, false, nil], "api")
        f.sdks = pick([nil, [], ["python"], ["go", "rust", "java", "swift", "ruby"]], "sdks")
        f.docsURL = pick([nil, "https://docs.example.com"], "docs")
        f.quickstartMinutes = pick([nil, 5, 45, 240], "quick")
        f.license = pick([nil, "MIT", "proprietary"], "license")
        f.openWeights = pick([true, false, nil], "weights")
        f.selfHostable = pick([true, false, nil], "self")
        f.rateLimitsPublished = pick([true, false, nil], "rate")
        f.status = pick([nil] + ReleaseStatus.allCases.map { $0 }, "status")
        f.modalities = pick([nil, ["image"], ["text", "image", "video"]], "modalities")
        f.contextWindow = pick([nil, 8_000, 32_000, 1_000_000], "context")
        f.competitors = pick([nil, [], ["Rival"], ["A", "B", "C", "D", "E"]], "rivals")
        f.claims = pick([nil, ["Best in class"], ["Fastest", "Cheapest"]], "claims")
        f.benchmarksPublished = pick([true, false, nil], "bench")
        f.backing = pick([nil] + Backing.allCases.map { $0 }, "backing")
        f.lockIn = pick([nil] + Level.allCases.map { $0 }, "lock")
        f.launched = pick([nil, "2023-01", "2026-10", "2027-05", "garbage"], "launched")
        f.bet = pick([nil, "Agents will replace dashboards.", "By 2030, GPUs will be a commodity."], "bet")
        f.pricingModel = pick([nil] + PricingModel.allCases.map { $0 }, "model")
        f.pricingPublished = pick([true, false, nil], "published")
        f.freeTier = pick([true, false, nil], "free")
        f.inputPricePerMTok = pick([nil, 0.15, 30], "in")
        f.outputPricePerMTok = pick([nil, 0.6, 120], "out")
        f.priceNote = pick([nil, "$20/seat/month"], "note")
        f.enterprise = pick([true, false, nil], "enterprise")
        let entry = pick(EntryTier.allCases, "entry")
        return Tool(
            slug: "sweep-\(i)", name: "Sweep \(i)", category: pick(["Agents", "Image Generation", ""], "cat"),
            description: "Sweep tool.", entry: entry, facts: f)
    }
}
