import VerdictCore

extension Home {
    /// Groups standings by category (alphabetical), each ranked by panel ship.
    static func categories(_ standings: [ToolStanding]) -> [CategoryGroup] {
        let grouped = Dictionary(grouping: standings) { $0.tool.categorySlug }
        return grouped.map { slug, tools in
            CategoryGroup(name: tools[0].tool.category, slug: slug, tools: rankedByPanel(tools))
        }.sorted { $0.name < $1.name }
    }

    static func build(_ standings: [ToolStanding], recentSlugs: [String]) -> Model {
        let groups = categories(standings)
        let featured = groups.compactMap { g in
            g.tools.count >= 2 ? teaser(g.tools[0], g.tools[1]) : nil
        }
        var seen = Set(featured.map { pairKey($0.a.tool.slug, $0.b.tool.slug) })
        var recent: [ComparisonTeaser] = []
        for slug in recentSlugs {
            guard let s = standings.first(where: { $0.tool.slug == slug }),
                let rival = Rivals.closest(to: s.tool, among: standings.map(\.tool), limit: 1).first,
                let r = standings.first(where: { $0.tool.slug == rival.slug }),
                seen.insert(pairKey(s.tool.slug, r.tool.slug)).inserted
            else { continue }
            recent.append(teaser(s, r))
            if recent.count == 4 { break }
        }
        return Model(featured: featured, recent: recent, categories: groups, toolCount: standings.count)
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
