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
        /// Sections already rendered (`View.parts`), used as they are instead of rendering again.
        var rendered: [Part: String] = [:]
    }

    /// The sections no vote, pick or reader changes, rendered once per change of the two tools
    /// and kept with the page's data (`ComparePageData.parts`).
    enum Part: Hashable, Sendable, CaseIterable {
        case grid, facts, pricing, scorecard
        /// The cost section for the default preset (a reader's own workload is rendered per request).
        case defaultCost
    }
}

/// The head-to-head split of a pair, by slug, as the comparison page shows it.
struct HeadToHeadTally: Sendable {
    var a: (slug: String, picks: Int)
    var b: (slug: String, picks: Int)
    var neither: Int
    var total: Int { a.picks + b.picks + neither }
}
