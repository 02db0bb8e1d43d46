import Vapor
import VerdictCore

/// JSON shapes of the public API (keys become snake_case in the encoder). Optional numbers are
/// written as explicit `null`, so clients can tell "no votes yet" from a missing field.
enum API {
    struct Score: Content {
        @ExplicitNull var shipPercent: Int?
        var ship: Int
        var skip: Int

        /// Community only: votes stored but carrying no weight.
        var discounted: Int?

        init(_ p: PanelScore) { (shipPercent, ship, skip) = (p.shipPercent, p.ship, p.skip) }
        init(_ c: CommunityScore) { (shipPercent, ship, skip, discounted) = (c.shipPercent, c.ship, c.skip, c.discounted) }
    }

    /// A take, or an abstention (`"verdict":"abstain"` with a `"reason"`); model-written ones
    /// carry their provenance.
    struct TakeDTO: Content {
        var persona: Persona
        var verdict: String
        var conviction: Conviction?
        var flip: String?
        var text: String?
        var reason: String?
        var source: TakeSource
        var provenance: TakeProvenance?

        init(_ t: Take) {
            (persona, verdict, conviction, flip, text, source) = (t.persona, t.verdict.rawValue, t.conviction, t.flip, t.text, t.source)
            provenance = t.provenance
        }

        init(_ a: Abstention) {
            (persona, verdict, reason, source, provenance) = (a.persona, "abstain", a.reason, .llm, a.provenance)
        }

        enum CodingKeys: String, CodingKey {
            case persona, verdict, conviction, flip, text, reason, source, backend, model, promptVersion, factsHash
            case temperature, tokens, costUsd, latencyMs, reliedOn, createdAt, edited, originalText
        }

        init(from decoder: any Decoder) throws {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "takes are read-only"))
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(persona, forKey: .persona)
            try c.encode(verdict, forKey: .verdict)
            if let reason {
                try c.encode(reason, forKey: .reason)
            } else {
                try c.encode(conviction, forKey: .conviction)
                try c.encode(flip, forKey: .flip)
                try c.encode(text, forKey: .text)
            }
            try c.encode(source, forKey: .source)
            guard let p = provenance else { return }
            try c.encode(p.backend, forKey: .backend)
            try c.encode(p.model, forKey: .model)
            try c.encode(p.promptVersion, forKey: .promptVersion)
            try c.encode(p.factsHash, forKey: .factsHash)
            try c.encode(p.temperature, forKey: .temperature)
            try c.encode(["prompt": p.promptTokens, "cached": p.cachedTokens, "completion": p.completionTokens], forKey: .tokens)
            try c.encode(p.costUSD, forKey: .costUsd)
            try c.encode(p.latencyMS, forKey: .latencyMs)
            try c.encode(p.reliedOn, forKey: .reliedOn)
            try c.encode(p.createdAt, forKey: .createdAt)
            try c.encode(p.originalText != nil, forKey: .edited)
            try c.encode(p.originalText, forKey: .originalText)
        }
    }

    struct Panel: Content {
        @ExplicitNull var shipPercent: Int?
        var ship: Int
        var skip: Int
        var takes: [TakeDTO]

        init(_ s: ToolStanding) {
            let p = s.panel
            (shipPercent, ship, skip) = (p.shipPercent, p.ship, p.skip)
            takes = s.takes.map(TakeDTO.init) + s.abstentions.map(TakeDTO.init)
        }
    }

    struct ToolSummary: Content {
        var slug, name, category: String
        var entry: EntryTier
        var panel: Score
        var community: Score
        var url: String

        init(_ s: ToolStanding) {
            (slug, name, category, entry) = (s.tool.slug, s.tool.name, s.tool.category, s.tool.entry)
            (panel, community) = (Score(s.panel), Score(s.community))
            url = SiteURL.tool(s.tool.slug).path
        }
    }

    struct ToolList: Content {
        var tools: [ToolSummary]
        /// The next page's path and query; null on the last page.
        @ExplicitNull var next: String?
    }

    struct ToolDetail: Content {
        var slug, name, category, categorySlug, description: String
        var vendor, tagline, homepage, sourceURL: String?
        var entry: EntryTier
        var facts: ToolFacts
        var panel: Panel
        var community: Score
        var url: String
        /// The vendor's claims with their status (the claims ledger).
        var claims: [ClaimDTO]
        /// How fragile the figures are, in words; null where there is nothing to say.
        var fragility: FragilityDTO

        init(_ s: ToolStanding) {
            let t = s.tool
            (slug, name, category, categorySlug, description) = (t.slug, t.name, t.category, t.categorySlug, t.description)
            (vendor, tagline, homepage, sourceURL) = (t.vendor, t.tagline, t.homepage, t.sourceURL)
            (entry, facts, panel, community) = (t.entry, t.facts, Panel(s), Score(s.community))
            url = SiteURL.tool(t.slug).path
            claims = t.ledger.entries.map(ClaimDTO.init)
            fragility = FragilityDTO(
                community: Fragility.Community(s.community)?.sentence, panel: Fragility.Panel(takes: s.takes)?.sentence)
        }
    }

    struct ClaimDTO: Content {
        var claim: String
        var status: ClaimStatus
        @ExplicitNull var checkedBy: String?
        @ExplicitNull var method: String?
        @ExplicitNull var evidenceURL: String?
        @ExplicitNull var note: String?
        @ExplicitNull var checkedOn: String?

        init(_ e: ClaimLedger.Entry) {
            (claim, status, checkedBy, method) = (e.claim, e.status, e.check?.checkedBy, e.check?.method)
            (evidenceURL, note, checkedOn) = (e.check?.evidenceURL, e.check?.note, e.check?.checkedOn)
        }
    }

    struct FragilityDTO: Content {
        @ExplicitNull var community: String?
        @ExplicitNull var panel: String?
    }

    struct RecommendationDTO: Content {
        @ExplicitNull var pick: String?
        var reason: String
    }

    struct ComparisonDTO: Content {
        var tools: [ToolDetail]
        var recommendation: RecommendationDTO
        var split: [Persona]
        var pricingRead: String
        var url: String
    }

    struct VoteBody: Content {
        var vote: String
    }

    struct VoteResult: Content {
        var tool: String
        var vote: Verdict
        var community: Score
    }

    struct PickBody: Content {
        var pick: String
    }

    /// The head-to-head split of a pair, in canonical order.
    struct HeadToHead: Content {
        var pair: [String]
        var picks: [String: Int]
        var neither: Int
        var total: Int
        var discounted: Int

        init(_ t: PairTally, a: String, b: String) {
            (pair, picks, neither, total, discounted) = ([a, b], [a: t.forA, b: t.forB], t.neither, t.total, t.discounted)
        }
    }

    struct LeaderboardDTO: Content {
        struct Entry: Content {
            var slug, name: String
            var rank, tier, wins, losses, comparisons: Int
            var strength, low, high: Double
        }

        struct Unranked: Content {
            var slug, name: String
            var comparisons: Int
        }

        @ExplicitNull var category: String?
        var minimumComparisons: Int
        var ranked: [Entry]
        var unranked: [Unranked]
        var uncompared: Int

        init(_ m: LeaderboardPage.Model) {
            category = m.category?.slug
            minimumComparisons = m.minimumComparisons
            let name = { (slug: String) in m.tools[slug]?.tool.name ?? slug }
            ranked = m.board.ranked.map {
                Entry(
                    slug: $0.slug, name: name($0.slug), rank: $0.rank, tier: $0.tier, wins: $0.wins, losses: $0.losses,
                    comparisons: $0.comparisons, strength: $0.strength, low: $0.low, high: $0.high)
            }
            unranked = m.board.unranked.map { Unranked(slug: $0.slug, name: name($0.slug), comparisons: $0.comparisons) }
            uncompared = m.uncompared
        }
    }

    struct ErrorBody: Content {
        var error: String
    }
}
