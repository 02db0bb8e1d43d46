import VerdictCore

enum LeaderboardPage {
    struct Model: Sendable {
        /// The category shown, or nil for all tools.
        var category: (name: String, slug: String)?
        var categories: [(name: String, slug: String, count: Int)]
        /// Ranked tools (with intervals and tiers) and the tools with too few head-to-heads.
        var board: Leaderboard
        /// Every tool on the board, by slug, for names and links.
        var tools: [String: ToolStanding]
        var minimumComparisons: Int
        /// Listed tools in scope without a single head-to-head pick (counted, not listed).
        var uncompared: Int
        /// The tools without picks by slug, when the scope is small enough to name them.
        var untouched: [String] = []
    }
}
