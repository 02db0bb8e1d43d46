import VerdictCore

enum Compare {
    struct Model: Sendable {
        /// A and B in the order the reader asked for.
        var comparison: Comparison
        var canonical: SiteURL
        /// This reader's votes on A and B, by slug.
        var myVotes: [String: Verdict]
        var notice: String?
        /// "Which would you ship with?": picks for A, for B, and "neither".
        var headToHead: HeadToHeadTally
        /// This reader's pick: a slug, "neither", or nil when they have not answered.
        var myPick: String?
        /// Each tool's cost for the workload in the query (or the default preset).
        var cost: CostView?
        /// The recommendation for the reader's own workload, and whether it picks differently.
        var forWorkload: (recommendation: Recommendation, changed: Bool)?
        /// The Buyer's take on each tool recomputed for that workload.
        var buyerForWorkload: [(name: String, take: Take)] = []
        /// The site's public origin, for share tags.
        var origin = ""
    }

    /// What votes, picks, the reader or their workload decide: holes in the page's template
    /// (`PageTemplate`), the rest is rendered once with the data. Holes are as small as what
    /// changes: a community label, a card's numbers. The forms, whose state is only the reader's
    /// answer, have each of their few renderings kept with the data (`ComparePageData.answers`).
    enum Hole: Int, CaseIterable, Sendable {
        case notice, recommendation, pickForm, pickSplit, cost, labelA, labelB, communityA, communityB, voteFormA, voteFormB
        case numbersA, numbersB
    }
}

/// The head-to-head split of a pair, by slug, as the comparison page shows it.
struct HeadToHeadTally: Sendable {
    var a: (slug: String, picks: Int)
    var b: (slug: String, picks: Int)
    var neither: Int
    var total: Int { a.picks + b.picks + neither }
}
