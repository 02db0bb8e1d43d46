import VerdictCore

extension Home {
    /// The home page from its parts: each category's best-ranked tools (already ranked), and the
    /// recent comparisons. The featured pair of a category is its top two.
    static func build(_ groups: [CategoryGroup], recent: [ComparisonTeaser], toolCount: Int) -> Model {
        let featured = groups.compactMap { g in
            g.tools.count >= 2 ? teaser(g.tools[0], g.tools[1]) : nil
        }
        var seen = Set(featured.map { pairKey($0.a.tool.slug, $0.b.tool.slug) })
        let fresh = recent.filter { seen.insert(pairKey($0.a.tool.slug, $0.b.tool.slug)).inserted }
        return Model(featured: featured, recent: Array(fresh.prefix(4)), categories: groups, toolCount: toolCount)
    }

    static func teaser(_ a: ToolStanding, _ b: ToolStanding) -> ComparisonTeaser {
        let c = Comparison(a, b)
        let pick = [a, b].first { $0.tool.slug == c.recommendation.pick }?.tool.name
        return ComparisonTeaser(a: a, b: b, pickName: pick, split: c.split)
    }

    private static func pairKey(_ x: String, _ y: String) -> String {
        let (a, b) = Comparison.canonicalPair(x, y)
        return "\(a)|\(b)"
    }
}
