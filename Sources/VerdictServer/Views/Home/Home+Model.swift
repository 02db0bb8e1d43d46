import VerdictCore

enum Home {
    struct Model: Sendable {
        /// One pair per category, its two best-ranked tools: rendered teasers (`Section`).
        var featured: [String]
        /// Pairs built from the most recently added or updated tools and their category's leader.
        var recent: [ComparisonTeaser]
        /// Each category's card, rendered (`Section`): one page of them, the largest first.
        var categories: [String]
        var toolCount: Int
        /// Which page of categories this is (`total` counts categories).
        var paging: Paging
        /// The latest day's intake: tools added, prices and statuses changed.
        var intake: [CatalogEvents.Row] = []
    }

    struct CategoryGroup: Sendable {
        var name: String
        var slug: String
        /// The best-ranked few, by panel ship, then community.
        var tools: [ToolStanding]
        /// How many listed tools the category has.
        var count: Int
    }
}

/// A comparison shown as a link card: both tools and the derived pick.
struct ComparisonTeaser: Sendable {
    var a: ToolStanding
    var b: ToolStanding
    /// Name of the recommended tool, or nil when too close to call.
    var pickName: String?
    var split: [Persona]
}
