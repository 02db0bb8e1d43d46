import Plot
import VerdictCore

extension Home {
    /// One category's part of the home page, rendered: its featured comparison (its top two) and
    /// its card (its best-ranked few). Kept in the `DataCache` under the category's and those
    /// tools' tags (`HomePageData`), so a vote re-renders one category's part, not every one.
    struct Section: Sendable {
        var featured: String?
        /// The featured pair, canonical (`pairKey`): recent comparisons leave it out.
        var pair: String?
        var card: String
        var tags: Set<CacheTag>

        var bytes: Int { (featured?.utf8.count ?? 0) + card.utf8.count + 64 * tags.count + 256 }

        init(_ group: CategoryGroup) {
            let top = group.tools
            featured = top.count >= 2 ? Components.comparisonTeaser(teaser(top[0], top[1])).render() : nil
            pair = top.count >= 2 ? pairKey(top[0].tool.slug, top[1].tool.slug) : nil
            card = View.category(group).render()
            // The teaser's pick reads the community numbers: `shown` adds the tools' `.community` tags.
            tags = CacheTag.shown(Set([.category(group.slug)] + top.map { .tool($0.tool.slug) }))
        }
    }

    /// The home page from its parts: each category's section and the recent comparisons, less
    /// the pairs already featured.
    static func build(_ sections: [Section], recent: [ComparisonTeaser], toolCount: Int, paging: Paging) -> Model {
        var seen = Set(sections.compactMap(\.pair))
        let fresh = recent.filter { seen.insert(pairKey($0.a.tool.slug, $0.b.tool.slug)).inserted }
        return Model(
            featured: sections.compactMap(\.featured), recent: Array(fresh.prefix(4)), categories: sections.map(\.card),
            toolCount: toolCount, paging: paging)
    }

    static func teaser(_ a: ToolStanding, _ b: ToolStanding) -> ComparisonTeaser {
        let c = Comparison(a, b)
        let pick = [a, b].first { $0.tool.slug == c.recommendation.pick }?.tool.name
        return ComparisonTeaser(a: a, b: b, pickName: pick, split: c.split)
    }

    static func pairKey(_ x: String, _ y: String) -> String {
        let (a, b) = Comparison.canonicalPair(x, y)
        return "\(a)|\(b)"
    }
}
