import Foundation

/// Percentile-bootstrap intervals for Bradley–Terry log-strengths.
///
/// Each sample draws as many individual votes as were cast, with replacement, counts them back
/// into a pair table and refits (starting from the full-data fit, which only saves iterations).
/// The interval is the central `level` share of the resampled, centred log-strengths, with linear
/// interpolation between order statistics. Sample k uses its own generator, seeded by the k-th
/// draw of a generator seeded with `seed`: same input and seed, same intervals.
public enum LeaderboardBootstrap {
    /// Refits stop at this relative change: far finer than the two decimals an interval shows.
    static let tolerance = 1e-7

    public static func intervals(
        _ results: [PairwiseResult], items: [String], samples: Int = 200,
        seed: UInt64 = 0x5EED, level: Double = 0.95
    ) -> [String: (low: Double, high: Double)] {
        let (slugs, index) = PairTable.index(items)
        let table = PairTable(results, index: index)
        let point = BradleyTerry.solve(
            table, start: [Double](repeating: 1, count: slugs.count), iterations: 200,
            tolerance: 1e-9, prior: BradleyTerry.standardPrior)
        guard samples > 0 else {
            let logs = BradleyTerry.centredLogs(point)
            return Dictionary(uniqueKeysWithValues: slugs.indices.map { (slugs[$0], (logs[$0], logs[$0])) })
        }
        let draws = resampledLogs(table, start: point, samples: samples, seed: seed)
        let tail = (1 - min(max(level, 0), 1)) / 2
        var intervals: [String: (low: Double, high: Double)] = [:]
        for (i, slug) in slugs.enumerated() {
            let sorted = draws.map { $0[i] }.sorted()
            intervals[slug] = (percentile(sorted, tail), percentile(sorted, 1 - tail))
        }
        return intervals
    }

    /// Centred log-strengths of each bootstrap sample, one array per sample.
    static func resampledLogs(_ table: PairTable, start: [Double], samples: Int, seed: UInt64) -> [[Double]] {
        let kinds = voteKinds(table)
        var master = SeededGenerator(seed: seed)
        let seeds = (0..<samples).map { _ in master.next() }
        var counts = [Double](repeating: 0, count: 2 * table.first.count)
        var resampled = table
        return seeds.map { sampleSeed in
            var generator = SeededGenerator(seed: sampleSeed)
            for k in counts.indices { counts[k] = 0 }
            for _ in kinds.indices { counts[kinds[generator.index(below: kinds.count)]] += 1 }
            for k in table.first.indices {
                resampled.firstWins[k] = counts[2 * k]
                resampled.secondWins[k] = counts[2 * k + 1]
            }
            let fitted = BradleyTerry.solve(
                resampled, start: start, iterations: 200, tolerance: tolerance, prior: BradleyTerry.standardPrior)
            return BradleyTerry.centredLogs(fitted)
        }
    }

    /// One entry per cast vote: 2k if row k's first item won it, 2k + 1 if its second did.
    static func voteKinds(_ table: PairTable) -> [Int] {
        var kinds: [Int] = []
        kinds.reserveCapacity(Int(table.firstWins.reduce(0, +) + table.secondWins.reduce(0, +)))
        for k in table.first.indices {
            kinds.append(contentsOf: repeatElement(2 * k, count: Int(table.firstWins[k])))
            kinds.append(contentsOf: repeatElement(2 * k + 1, count: Int(table.secondWins[k])))
        }
        return kinds
    }

    /// The q-quantile of sorted values, interpolating linearly between order statistics.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard let last = sorted.last else { return 0 }
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        guard below + 1 < sorted.count else { return last }
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below])
    }
}
