import Testing

@testable import VerdictCore

@Suite("X vs Y: recommendation, split and pricing read")
struct ComparisonTests {
    let allShip: [Persona: Verdict] = [.builder: .ship, .skeptic: .ship, .futurist: .ship, .buyer: .ship]

    @Test("A clear panel lead picks the leader and explains it")
    func panelLeadPicks() {
        let a = Fixture.standing("alpha", allShip)
        let b = Fixture.standing("beta", [.builder: .ship, .skeptic: .skip, .futurist: .skip, .buyer: .skip])
        let c = Comparison(a, b)
        #expect(c.recommendation.pick == "alpha")
        #expect(c.recommendation.reason.contains("100%"))
        #expect(c.recommendation.reason.contains("25%"))
        #expect(c.split == [.skeptic, .futurist, .buyer])
        #expect(c.recommendation.reason.contains("Skeptic, Futurist and Buyer ship Alpha but not Beta"))
    }

    @Test("Level panels: the cheaper entry decides, narrowly")
    func entryBreaksTie() {
        let a = Fixture.standing("alpha", allShip, entry: .paid)
        let b = Fixture.standing("beta", allShip, entry: .freemium)
        let c = Comparison(a, b)
        #expect(c.recommendation.pick == "beta")
        #expect(c.recommendation.reason.contains("entry price decides"))
        #expect(c.split.isEmpty)
    }

    @Test("Level panels at the same entry are too close to call")
    func tooClose() {
        let c = Comparison(Fixture.standing("alpha", allShip), Fixture.standing("beta", allShip))
        #expect(c.recommendation.pick == nil)
        #expect(c.recommendation.reason.hasPrefix("Too close to call"))
    }

    @Test("The community counts only with enough votes, and can overturn a small panel lead")
    func communityWeighs() {
        let panelA: [Persona: Verdict] = [.builder: .ship, .skeptic: .ship, .futurist: .ship, .buyer: .skip]
        let a = Fixture.standing("alpha", panelA, votes: (2, 18))
        let b = Fixture.standing("beta", [.builder: .ship, .skeptic: .ship, .futurist: .skip, .buyer: .skip], votes: (18, 2))
        // Panel: 75 vs 50 (+25); community: 10 vs 90 (-80 × 0.5 = -40) → beta.
        #expect(Comparison(a, b).recommendation.pick == "beta")
        #expect(Comparison(a, b).recommendation.reason.contains("leans the other way"))
        let few = Fixture.standing("beta", [.builder: .ship, .skeptic: .ship, .futurist: .skip, .buyer: .skip], votes: (9, 0))
        #expect(Comparison(a, few).recommendation.pick == "alpha")
        // Other numbers on a derived comparison derive what a new one would.
        #expect(Comparison(a, few).withCommunity(a.community, b.community) == Comparison(a, b))
        #expect(Comparison(a, b).withCommunity(a.community, few.community).recommendation == Comparison(a, few).recommendation)
    }

    @Test("No takes on one side: no call, and it says which")
    func noTakes() {
        let c = Comparison(Fixture.standing("alpha", allShip), Fixture.standing("beta", [:]))
        #expect(c.recommendation.pick == nil)
        #expect(c.recommendation.reason.contains("Beta has no panel takes"))
    }

    @Test("Either order gives the same canonical pair; -vs- parses")
    func canonical() {
        #expect(Comparison.canonicalPair("sora", "kling") == ("kling", "sora"))
        #expect(Comparison.parsePair("gemini-2-5-flash-vs-smollm3")! == ("gemini-2-5-flash", "smollm3"))
        #expect(Comparison.parsePair("smollm3") == nil)
        #expect(Comparison.parsePair("a-vs-a") == nil)
        #expect(Comparison.parsePair("a-vs-b-vs-c") == nil)
        #expect(Comparison.parsePair("x-vs-vs-y")! == ("x", "vs-y"))
        for bad in ["-vs-b", "a-vs-", "a--b-vs-c", "A-vs-b", "a-vs-b-", "é-vs-b", "a-vs-b\u{0}", "a_b-vs-c", "vs"] {
            #expect(Comparison.parsePair(bad) == nil, "\(bad)")
        }
        #expect(Comparison.parsePair(String(repeating: "a", count: 80) + "-vs-b") != nil)
        #expect(Comparison.parsePair(String(repeating: "a", count: 81) + "-vs-b") == nil)
    }

    @Test("Tool slugs: lowercase letters, digits and single inner hyphens, at most 80, never -vs-")
    func toolSlugs() {
        for good in ["a", "gpt-4o", "o3", "claude-3-5-sonnet", "vsc", "a-vsb", String(repeating: "z", count: 80)] {
            #expect(Slug.isValidToolSlug(good), "\(good)")
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "ü", "a-vs-b", "a_b", "a.b", String(repeating: "z", count: 81)] {
            #expect(!Slug.isValidToolSlug(bad), "\(bad)")
        }
    }

    @Test("Pricing read compares per-token costs when both are declared")
    func pricing() {
        var fa = ToolFacts()
        fa.inputPricePerMTok = 0.3
        fa.outputPricePerMTok = 2.5
        fa.pricingModel = .perToken
        var fb = ToolFacts()
        fb.inputPricePerMTok = 1
        fb.outputPricePerMTok = 5
        let read = PricingRead.compare(
            Fixture.tool("a", name: "Flash", entry: .freemium, facts: fa),
            Fixture.tool("b", name: "Haiku", entry: .paid, facts: fb))
        #expect(read.contains("Flash costs $2.80 against $6.00 for Haiku"))
        #expect(read.contains("priced per token"))
        let undeclared = PricingRead.describe(Fixture.tool("c", name: "Mystery"))
        #expect(undeclared.contains("pricing not declared"))
    }

    @Test("Prices keep their small digits", arguments: [(0.075, "$0.075"), (0.3, "$0.30"), (2.5, "$2.50"), (15, "$15"), (0, "$0.00")])
    func usd(value: Double, expected: String) {
        #expect(PricingRead.usd(value) == expected)
    }

    @Test("Rivals: same category first, then similar description")
    func rivals() {
        let me = Fixture.tool("me", category: "Video", description: "Generates video clips from text prompts")
        let others = [
            Fixture.tool("text-model", category: "Language Models", description: "Generates video clips from text prompts"),
            Fixture.tool("video-a", category: "Video", description: "Edits photos"),
            Fixture.tool("video-b", category: "Video", description: "Generates short video clips from prompts"),
        ]
        #expect(Rivals.closest(to: me, among: others + [me]).map(\.slug) == ["video-b", "video-a", "text-model"])
    }
}
