import Foundation

/// Bradley–Terry strengths from head-to-head picks, fitted with Hunter's (2004) MM algorithm.
///
/// P(i picked over j) = pᵢ / (pᵢ + pⱼ). Strengths come back as log-strengths, centred to mean
/// zero across `items`, so a difference of 1 means e ≈ 2.7 : 1 odds.
///
/// **Prior.** Besides its real results, every item plays `prior` virtual wins and `prior` virtual
/// losses against a pseudo-opponent of fixed strength 1 (log 0, the middle of the centred
/// scale). This symmetric penalty is worth `2 × prior` games, so it fades as votes accumulate,
/// yet it keeps the fit finite where plain maximum likelihood runs off: a tool that won (or
/// lost) every pick, a tool nobody compared (it sits at the middle), and groups of tools never
/// compared with each other (each is tied to the same pseudo-opponent instead of drifting apart).
/// With `prior == 0` this is the plain maximum-likelihood fit, which needs every tool to have won
/// and lost within one connected comparison graph (Hunter's condition); tools that violate it
/// are held at a floor rather than reaching infinity.
///
/// Hunter, D. R. (2004). MM algorithms for generalized Bradley–Terry models.
/// The Annals of Statistics 32(1), 384–406. https://doi.org/10.1214/aos/1079120141
public enum BradleyTerry {
    public static func fit(
        _ results: [PairwiseResult], items: [String], iterations: Int = 200,
        tolerance: Double = 1e-9, prior: Double = 0.5
    ) -> [String: Double] {
        let (slugs, index) = PairTable.index(items)
        let table = PairTable(results, index: index)
        let start = [Double](repeating: 1, count: slugs.count)
        let strengths = solve(table, start: start, iterations: iterations, tolerance: tolerance, prior: prior)
        return Dictionary(uniqueKeysWithValues: zip(slugs, centredLogs(strengths)))
    }

    /// Raw strengths pᵢ: MM steps from `start` until no strength moves by a relative `tolerance`.
    static func solve(
        _ table: PairTable, start: [Double], iterations: Int, tolerance: Double, prior: Double
    ) -> [Double] {
        let prior = max(prior, 0)
        let wins = table.totalWins().map { $0 + prior }
        var strengths = start
        for _ in 0..<max(iterations, 0) {
            let next = step(table, strengths, wins: wins, prior: prior)
            var change = 0.0
            for i in next.indices { change = max(change, abs(next[i] / strengths[i] - 1)) }
            strengths = next
            if change < tolerance { break }
        }
        return strengths
    }

    /// The prior `fit` uses by default, which the bootstrap must refit with too.
    static let standardPrior = 0.5

    /// Smallest raw strength, relative to a mean of 1, for tools plain likelihood would send to 0.
    static let floor = 1e-12

    /// One simultaneous MM update: pᵢ ← Wᵢ / Σⱼ nᵢⱼ / (pᵢ + pⱼ), the prior counting as games
    /// against the pseudo-opponent of strength 1.
    static func step(_ table: PairTable, _ p: [Double], wins: [Double], prior: Double) -> [Double] {
        var denominators = [Double](repeating: 0, count: p.count)
        for k in table.first.indices {
            let i = table.first[k]
            let j = table.second[k]
            let share = (table.firstWins[k] + table.secondWins[k]) / (p[i] + p[j])
            denominators[i] += share
            denominators[j] += share
        }
        var next = p
        for i in p.indices {
            let denominator = denominators[i] + 2 * prior / (p[i] + 1)
            if denominator > 0 { next[i] = max(wins[i] / denominator, floor) }
        }
        return rescaled(next, prior: prior)
    }

    /// Best common rescaling of all strengths. Real results ignore it: only the prior pins the
    /// scale, and an MM step barely moves along that direction (the prior is a sliver of each
    /// tool's games), so plain MM would need thousands of steps. Maximising the prior term
    /// Σ [log(pᵢeᵗ) − 2 log(1 + pᵢeᵗ)] over t by Newton's method is exact, cheap, and keeps every
    /// step an ascent step. Without a prior the scale is free, and the mean is pinned at 1.
    static func rescaled(_ p: [Double], prior: Double) -> [Double] {
        guard !p.isEmpty else { return p }
        guard prior > 0 else {
            let mean = p.reduce(0, +) / Double(p.count)
            return p.map { max($0 / mean, floor) }
        }
        var t = -p.reduce(0) { $0 + Foundation.log($1) } / Double(p.count)
        for _ in 0..<30 {
            let scale = Foundation.exp(t)
            var slope = 0.0
            var curvature = 0.0
            for x in p {
                let q = x * scale
                slope += (1 - q) / (1 + q)
                curvature += 2 * q / ((1 + q) * (1 + q))
            }
            // The objective is concave in t; capping the step keeps Newton from overshooting.
            let move = min(max(slope / curvature, -1), 1)
            t += move
            if abs(move) < 1e-12 { break }
        }
        let scale = Foundation.exp(t)
        return p.map { $0 * scale }
    }

    /// log pᵢ minus the mean log, so the average tool reads 0.
    static func centredLogs(_ strengths: [Double]) -> [Double] {
        guard !strengths.isEmpty else { return [] }
        let logs = strengths.map { Foundation.log($0) }
        let mean = logs.reduce(0, +) / Double(logs.count)
        return logs.map { $0 - mean }
    }
}
