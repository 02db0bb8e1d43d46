import Foundation

/// Aggregated reader picks on a comparison page: `winner` was picked over `loser` `count` times.
/// "Neither" picks are not results; the caller drops them before building these.
public struct PairwiseResult: Sendable, Hashable {
    public var winner: String
    public var loser: String
    public var count: Int

    public init(winner: String, loser: String, count: Int = 1) {
        self.winner = winner
        self.loser = loser
        self.count = count
    }
}

/// Head-to-head counts by item index, one row per compared pair (`first < second`).
///
/// Rows are sorted by index, never in dictionary order, so every floating-point sum over them
/// runs in the same order on every run and every machine: same input, same strengths.
struct PairTable: Sendable {
    var itemCount: Int
    var first: [Int]
    var second: [Int]
    var firstWins: [Double]
    var secondWins: [Double]

    /// Listed slugs without repeats, in the order given, and the index of each.
    static func index(_ items: [String]) -> (slugs: [String], index: [String: Int]) {
        var slugs: [String] = []
        var index: [String: Int] = [:]
        for slug in items where index[slug] == nil {
            index[slug] = slugs.count
            slugs.append(slug)
        }
        return (slugs, index)
    }

    /// Results naming an unlisted slug, a tool against itself, or a count below 1 are ignored.
    init(_ results: [PairwiseResult], index: [String: Int]) {
        let n = index.count
        itemCount = n
        var wins: [Int: (first: Int, second: Int)] = [:]
        for result in results where result.count > 0 && result.winner != result.loser {
            guard let w = index[result.winner], let l = index[result.loser] else { continue }
            let key = min(w, l) * n + max(w, l)
            var row = wins[key] ?? (0, 0)
            if w < l { row.first += result.count } else { row.second += result.count }
            wins[key] = row
        }
        let keys = wins.keys.sorted()
        first = keys.map { $0 / n }
        second = keys.map { $0 % n }
        firstWins = keys.map { Double(wins[$0]!.first) }
        secondWins = keys.map { Double(wins[$0]!.second) }
    }

    /// Total wins of each item.
    func totalWins() -> [Double] {
        var wins = [Double](repeating: 0, count: itemCount)
        for k in first.indices {
            wins[first[k]] += firstWins[k]
            wins[second[k]] += secondWins[k]
        }
        return wins
    }
}
