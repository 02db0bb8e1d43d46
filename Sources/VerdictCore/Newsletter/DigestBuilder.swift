import Foundation

/// Assembles a week's `Digest` from current standings and what changed during the week.
///
/// Every list is ordered by stated keys ending in slugs, so the same input gives the same
/// digest byte for byte (previews, archive pages and the sent mail agree).
public enum DigestBuilder {
    /// How many of the most-voted tools the "most split" section draws its pairs from.
    public static let splitPoolSize = 24
    /// Community movers count only with at least this many votes now, so three early votes
    /// cannot produce a 60-point "move".
    public static let moverMinimumVotes = Comparison.minimumVotes

    /// - Parameters:
    ///   - standings: every tool's current standing.
    ///   - newToolSlugs: tools added this week.
    ///   - changedTakes: verdict changes this week; `from` nil for a new take, `from`/`to` are
    ///     `Verdict` raw values ("ship"/"skip"). Entries naming unknown tools or verdicts, or
    ///     whose verdict did not actually change, are ignored.
    ///   - communityBefore: each tool's community ship % at the previous issue (nil: no votes).
    ///   - limit: most entries per section; new verdicts allow `limit` × personas entries.
    public static func build(
        week: ISOWeek, standings: [ToolStanding], newToolSlugs: Set<String>,
        changedTakes: [(slug: String, persona: Persona, from: String?, to: String)],
        communityBefore: [String: Int?], limit: Int = 5
    ) -> Digest {
        let bySlug = Dictionary(standings.map { ($0.tool.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let limit = max(0, limit)
        let fresh = newComparisons(standings, bySlug: bySlug, newToolSlugs: newToolSlugs, limit: limit)
        let shown = Set(fresh.map { [$0.a.slug, $0.b.slug] })
        return Digest(
            week: week,
            newComparisons: fresh,
            newVerdicts: newVerdicts(changedTakes, bySlug: bySlug, limit: limit * Persona.allCases.count),
            mostSplit: mostSplit(standings, excluding: shown, limit: limit),
            movers: movers(standings, before: communityBefore, limit: limit))
    }

    /// Each new tool (by name, then slug) paired with its closest rival among all tools;
    /// a pair reached from both sides (two new rivals) appears once.
    static func newComparisons(
        _ standings: [ToolStanding], bySlug: [String: ToolStanding], newToolSlugs: Set<String>, limit: Int
    ) -> [DigestComparison] {
        let tools = standings.map(\.tool)
        var seen = Set<[String]>()
        var out: [DigestComparison] = []
        for s in byName(standings.filter { newToolSlugs.contains($0.tool.slug) }) where out.count < limit {
            guard let rival = Rivals.closest(to: s.tool, among: tools, limit: 1).first,
                let other = bySlug[rival.slug]
            else { continue }
            let (x, y) = Comparison.canonicalPair(s.tool.slug, rival.slug)
            guard seen.insert([x, y]).inserted else { continue }
            let c = x == s.tool.slug ? Comparison(s, other) : Comparison(other, s)
            out.append(DigestComparison(c))
        }
        return out
    }

    /// Flips first (they change a page's headline), then new takes; within each, by tool name
    /// and persona order. A repeated (slug, persona) keeps its last entry.
    static func newVerdicts(
        _ changes: [(slug: String, persona: Persona, from: String?, to: String)],
        bySlug: [String: ToolStanding], limit: Int
    ) -> [DigestVerdict] {
        var latest: [String: DigestVerdict] = [:]
        for change in changes {
            guard let s = bySlug[change.slug], let to = Verdict(rawValue: change.to) else { continue }
            let from = change.from.flatMap(Verdict.init(rawValue:))
            guard from != to else { continue }
            latest["\(change.slug)|\(change.persona.rawValue)"] = DigestVerdict(
                tool: DigestTool(s), persona: change.persona, from: from, to: to,
                flip: s.take(by: change.persona)?.flip)
        }
        let order = Persona.allCases
        return latest.values.sorted { l, r in
            if (l.from != nil) != (r.from != nil) { return l.from != nil }
            if l.tool.name.lowercased() != r.tool.name.lowercased() { return l.tool.name.lowercased() < r.tool.name.lowercased() }
            if l.tool.slug != r.tool.slug { return l.tool.slug < r.tool.slug }
            return order.firstIndex(of: l.persona)! < order.firstIndex(of: r.persona)!
        }.prefix(limit).map { $0 }
    }

    /// Pairs each of the `splitPoolSize` most-voted tools with panel takes with its three
    /// closest rivals in that pool, keeps pairs with a split persona or a critics-vs-crowd flag,
    /// and orders them: most split personas, then most flags, then widest critics-vs-crowd gap,
    /// then slugs. Pairs already shown as new comparisons are left out.
    static func mostSplit(_ standings: [ToolStanding], excluding shown: Set<[String]>, limit: Int) -> [DigestComparison] {
        let pool = standings.filter { $0.panel.takes > 0 }.sorted { l, r in
            if l.community.votes != r.community.votes { return l.community.votes > r.community.votes }
            if l.panel.takes != r.panel.takes { return l.panel.takes > r.panel.takes }
            return l.tool.slug < r.tool.slug
        }.prefix(splitPoolSize)
        let bySlug = Dictionary(pool.map { ($0.tool.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = shown
        var scored: [(c: DigestComparison, split: Int, flags: Int, gap: Int)] = []
        for s in pool {
            for rival in Rivals.closest(to: s.tool, among: pool.map(\.tool), limit: 3) {
                let (x, y) = Comparison.canonicalPair(s.tool.slug, rival.slug)
                guard seen.insert([x, y]).inserted, let sx = bySlug[x], let sy = bySlug[y] else { continue }
                let flags = [sx, sy].compactMap { CriticsVsCrowd.flag(panel: $0.panel, community: $0.community) }
                let c = Comparison(sx, sy)
                guard !c.split.isEmpty || !flags.isEmpty else { continue }
                scored.append((DigestComparison(c), c.split.count, flags.count, flags.map { abs($0.gap) }.max() ?? 0))
            }
        }
        return scored.sorted { l, r in
            if l.split != r.split { return l.split > r.split }
            if l.flags != r.flags { return l.flags > r.flags }
            if l.gap != r.gap { return l.gap > r.gap }
            return (l.c.a.slug, l.c.b.slug) < (r.c.a.slug, r.c.b.slug)
        }.prefix(limit).map(\.c)
    }

    /// Tools with a community share both before and now (and enough votes now) whose share
    /// changed; largest move first, risers before fallers on a tie, then by slug.
    static func movers(_ standings: [ToolStanding], before: [String: Int?], limit: Int) -> [DigestMover] {
        standings.compactMap { s -> DigestMover? in
            guard s.community.votes >= moverMinimumVotes, let now = s.community.shipPercent,
                let was = before[s.tool.slug] ?? nil, was != now
            else { return nil }
            return DigestMover(tool: DigestTool(s), before: was, after: now)
        }.sorted { l, r in
            if abs(l.delta) != abs(r.delta) { return abs(l.delta) > abs(r.delta) }
            if l.delta != r.delta { return l.delta > r.delta }
            return l.tool.slug < r.tool.slug
        }.prefix(limit).map { $0 }
    }

    private static func byName(_ standings: [ToolStanding]) -> [ToolStanding] {
        standings.sorted { l, r in
            let (ln, rn) = (l.tool.name.lowercased(), r.tool.name.lowercased())
            return ln != rn ? ln < rn : l.tool.slug < r.tool.slug
        }
    }
}
