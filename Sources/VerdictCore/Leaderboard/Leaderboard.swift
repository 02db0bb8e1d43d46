import Foundation

/// One ranked tool: fitted strength with its bootstrap interval, its record, tier and place.
public struct LeaderboardEntry: Sendable, Hashable {
    public var slug: String
    /// Centred Bradley–Terry log-strength; 0 is the average ranked tool.
    public var strength: Double
    public var low: Double
    public var high: Double
    public var wins: Int
    public var losses: Int
    /// Tools in one tier cannot be told apart by the votes so far; 1 is the top tier.
    public var tier: Int
    /// Position in the list, from 1.
    public var rank: Int

    public var comparisons: Int { wins + losses }

    public init(
        slug: String, strength: Double, low: Double, high: Double, wins: Int, losses: Int,
        tier: Int, rank: Int
    ) {
        self.slug = slug
        self.strength = strength
        self.low = low
        self.high = high
        self.wins = wins
        self.losses = losses
        self.tier = tier
        self.rank = rank
    }
}

/// Tools ranked by a Bradley–Terry fit of readers' head-to-head picks, grouped into tiers.
///
/// Only tools with at least `minimumComparisons` decided head-to-heads against listed tools are
/// ranked; the rest are listed apart in `unranked`, and their results are dropped before fitting.
/// `wins` and `losses` count every decided head-to-head against a listed tool, the same count
/// that decided eligibility, even where the opponent was unranked.
///
/// **Tiers.** Walking down the list sorted by strength, the top entry opens tier 1; each next
/// entry joins the current tier if its interval overlaps the interval of the tier's first (top)
/// entry, and otherwise opens the next tier. Comparing with the tier's top rather than with the
/// neighbour keeps a long chain of small overlaps from merging the whole board into one tier.
public struct Leaderboard: Sendable {
    public var ranked: [LeaderboardEntry]
    /// Tools with too few head-to-head results to rank, most compared first.
    public var unranked: [(slug: String, comparisons: Int)]

    public static let minimumComparisons = 5

    public init(ranked: [LeaderboardEntry], unranked: [(slug: String, comparisons: Int)]) {
        self.ranked = ranked
        self.unranked = unranked
    }

    public static func build(
        results: [PairwiseResult], items: [String], minimumComparisons: Int = minimumComparisons,
        samples: Int = 200, seed: UInt64 = 0x5EED
    ) -> Leaderboard {
        let slugs = PairTable.index(items).slugs
        let record = records(results, listed: Set(slugs))
        let comparisons = { (slug: String) in record[slug].map { $0.wins + $0.losses } ?? 0 }
        let isRanked = { (slug: String) in comparisons(slug) >= minimumComparisons }
        let rankedSlugs = slugs.filter(isRanked)
        let kept = Set(rankedSlugs)
        let fitted = results.filter { kept.contains($0.winner) && kept.contains($0.loser) }
        let strengths = BradleyTerry.fit(fitted, items: rankedSlugs)
        let intervals = LeaderboardBootstrap.intervals(fitted, items: rankedSlugs, samples: samples, seed: seed)
        let entries = rankedSlugs.map { slug in
            let (wins, losses) = record[slug, default: (0, 0)]
            return LeaderboardEntry(
                slug: slug, strength: strengths[slug]!, low: intervals[slug]!.low,
                high: intervals[slug]!.high, wins: wins, losses: losses, tier: 0, rank: 0)
        }
        let unranked = slugs.filter { !isRanked($0) }
            .map { (slug: $0, comparisons: comparisons($0)) }
            .sorted { $0.comparisons != $1.comparisons ? $0.comparisons > $1.comparisons : $0.slug < $1.slug }
        return Leaderboard(ranked: placed(entries), unranked: unranked)
    }

    /// Sorts by strength (ties by slug), numbers the ranks and assigns tiers by the rule above.
    static func placed(_ entries: [LeaderboardEntry]) -> [LeaderboardEntry] {
        var sorted = entries.sorted { $0.strength != $1.strength ? $0.strength > $1.strength : $0.slug < $1.slug }
        var tier = 0
        var top: LeaderboardEntry?
        for i in sorted.indices {
            let entry = sorted[i]
            if let head = top, entry.high >= head.low, entry.low <= head.high {
                // Overlaps the tier's top entry: same tier.
            } else {
                tier += 1
                top = entry
            }
            sorted[i].tier = tier
            sorted[i].rank = i + 1
        }
        return sorted
    }

    /// Decided head-to-heads of each listed tool against other listed tools.
    static func records(_ results: [PairwiseResult], listed: Set<String>) -> [String: (wins: Int, losses: Int)] {
        var record: [String: (wins: Int, losses: Int)] = [:]
        for result in results where result.count > 0 && result.winner != result.loser {
            guard listed.contains(result.winner), listed.contains(result.loser) else { continue }
            record[result.winner, default: (0, 0)].wins += result.count
            record[result.loser, default: (0, 0)].losses += result.count
        }
        return record
    }
}
