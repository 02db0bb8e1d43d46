import Foundation
import Testing

@testable import VerdictCore

@Suite("Leaderboard: Bradley–Terry fit, bootstrap intervals, tiers, critics vs crowd")
struct LeaderboardTests {
    // MARK: Bradley–Terry, hand-computed

    @Test("A beats B 3–1 without a prior: strength ratio exactly 3, centred on zero")
    func twoItems() {
        // MUT
        let s = BradleyTerry.fit([win("a", "b", 3), win("b", "a", 1)], items: ["a", "b"], prior: 0)
        // validate
        #expect(abs(s["a"]! - s["b"]! - log(3)) < 1e-6)
        #expect(abs(s["a"]! + s["b"]!) < 1e-12)
    }

    @Test("A chain a>b 3–1, b>c 3–1 without a prior: each step is ln 3")
    func chain() {
        let results = [win("a", "b", 3), win("b", "a", 1), win("b", "c", 3), win("c", "b", 1)]
        let s = BradleyTerry.fit(results, items: ["a", "b", "c"], prior: 0)
        #expect(abs(s["a"]! - s["b"]! - log(3)) < 1e-6)
        #expect(abs(s["b"]! - s["c"]! - log(3)) < 1e-6)
        #expect(abs(s["b"]!) < 1e-6)
    }

    @Test("A cycle with equal counts gives equal strengths", arguments: [0.0, 0.5])
    func cycle(prior: Double) {
        let results = [
            win("a", "b", 4), win("b", "c", 4), win("c", "a", 4), win("b", "a", 1), win("c", "b", 1), win("a", "c", 1),
        ]
        let s = BradleyTerry.fit(results, items: ["a", "b", "c"], prior: prior)
        for slug in ["a", "b", "c"] { #expect(abs(s[slug]!) < 1e-9) }
    }

    @Test("The prior keeps a clean sweep finite, and more wins still mean more strength")
    func priorKeepsSweepsFinite() {
        let few = BradleyTerry.fit([win("a", "b", 5)], items: ["a", "b", "idle"])
        let many = BradleyTerry.fit([win("a", "b", 50)], items: ["a", "b", "idle"])
        #expect(few["a"]!.isFinite && few["b"]!.isFinite)
        #expect(few["a"]! > 0 && few["b"]! < 0)
        #expect(abs(few["a"]! + few["b"]!) < 1e-6)  // symmetric prior, symmetric answer
        #expect(abs(few["idle"]!) < 1e-6)  // nobody compared it: the middle
        #expect(many["a"]! - many["b"]! > few["a"]! - few["b"]!)
    }

    @Test("Disconnected groups stay finite and comparable through the prior")
    func disconnected() {
        let s = BradleyTerry.fit([win("a", "b", 6), win("c", "d", 6)], items: ["a", "b", "c", "d"])
        for value in s.values { #expect(value.isFinite) }
        #expect(abs(s["a"]! - s["c"]!) < 1e-9)
        #expect(abs(s["b"]! - s["d"]!) < 1e-9)
    }

    @Test("Unlisted tools, self-picks and empty counts are ignored")
    func ignoresNoise() {
        let clean = BradleyTerry.fit([win("a", "b", 3), win("b", "a", 1)], items: ["a", "b"])
        let noisy = BradleyTerry.fit(
            [win("a", "b", 3), win("b", "a", 1), win("ghost", "a", 9), win("a", "a", 2), win("b", "a", 0)],
            items: ["a", "b", "a"])
        #expect(noisy == clean)
    }

    // MARK: Simulated population

    @Test("12 tools, 6,000 simulated votes: the fit recovers the true order")
    func recoversOrder() {
        // setup
        let (truth, results) = simulate(tools: 12, votes: 6_000, seed: 42)
        // MUT
        let fitted = BradleyTerry.fit(results, items: truth.keys.sorted())
        // validate
        #expect(kendallTau(truth, fitted) >= 0.9)
        let byTruth = truth.keys.sorted { truth[$0]! > truth[$1]! }
        let byFit = fitted.keys.sorted { fitted[$0]! > fitted[$1]! }
        #expect(byFit.prefix(2).contains(byTruth.first!))
        #expect(byFit.suffix(2).contains(byTruth.last!))
    }

    @Test("Bootstrap 95% intervals cover the true strength for at least 80% of tools, and stay narrow")
    func bootstrapCoverage() {
        // Coverage is itself random: pooling four populations (48 intervals) keeps an unlucky
        // draw from deciding the test, while a miscalibrated interval would still fail it.
        var covered = 0
        var total = 0
        var width = 0.0
        for seed: UInt64 in [1, 2, 3, 4] {
            let (truth, results) = simulate(tools: 12, votes: 6_000, seed: seed)
            let intervals = LeaderboardBootstrap.intervals(results, items: truth.keys.sorted(), samples: 200)
            for (slug, s) in truth {
                let (low, high) = intervals[slug]!
                if low <= s && s <= high { covered += 1 }
                width += high - low
                total += 1
            }
        }
        #expect(Double(covered) >= 0.8 * Double(total))
        #expect(width / Double(total) < 0.6)  // neighbours are 0.36 apart; wide intervals would be useless
    }

    // MARK: Leaderboard

    @Test("Two clearly separated groups make at least two tiers, the strong group on top")
    func separatedGroupsMakeTiers() {
        let strong = ["h1", "h2", "h3"]
        let weak = ["l1", "l2", "l3"]
        var results = roundRobin(strong, each: 10) + roundRobin(weak, each: 10)
        for h in strong { for l in weak { results += [win(h, l, 19), win(l, h, 1)] } }
        let board = Leaderboard.build(results: results, items: strong + weak)
        #expect(Set(board.ranked.prefix(3).map(\.slug)) == Set(strong))
        #expect(board.ranked.last!.tier >= 2)
        #expect(board.ranked.filter { $0.tier == 1 }.allSatisfy { strong.contains($0.slug) })
        #expect(board.ranked.map(\.rank) == Array(1...6))
    }

    @Test("Identical tools share one tier")
    func identicalToolsShareATier() {
        let tools = ["a", "b", "c", "d"]
        let board = Leaderboard.build(results: roundRobin(tools, each: 10), items: tools)
        #expect(board.ranked.map(\.tier) == [1, 1, 1, 1])
        #expect(Set(board.ranked.map(\.slug)) == Set(tools))
        #expect(board.ranked.allSatisfy { abs($0.strength) < 1e-9 })
        #expect(board.ranked.allSatisfy { $0.comparisons == 60 && $0.wins == 30 })
    }

    @Test("An entry joins a tier by overlapping the tier's top entry, not its neighbour")
    func tierRule() {
        // c overlaps its neighbour b but not a, the top of tier 1, so it opens tier 2.
        let entries = [
            entry("a", 2.0, 1.0, 3.0), entry("b", 1.5, 0.5, 2.5), entry("c", 0.4, -0.5, 0.9),
            entry("d", 0.3, -0.2, 0.8), entry("e", -2.0, -3.0, -1.0),
        ]
        let placed = Leaderboard.placed(entries.reversed())
        #expect(placed.map(\.slug) == ["a", "b", "c", "d", "e"])
        #expect(placed.map(\.tier) == [1, 1, 2, 2, 3])
    }

    @Test("Tools with too few head-to-heads are listed apart and their results do not enter the fit")
    func unrankedListedApart() {
        let ab = [win("a", "b", 4), win("b", "a", 2)]
        let results = ab + [win("c", "a", 4), win("ghost", "d", 9)]
        let board = Leaderboard.build(results: results, items: ["a", "b", "c", "d"], samples: 20)
        #expect(board.ranked.map(\.slug) == ["a", "b"])
        #expect(board.unranked.map(\.slug) == ["c", "d"])
        #expect(board.unranked.map(\.comparisons) == [4, 0])
        let alone = BradleyTerry.fit(ab, items: ["a", "b"])
        #expect(board.ranked[0].strength == alone["a"]!)
        #expect(board.ranked[0].wins == 4 && board.ranked[0].losses == 6)  // record counts the pick against c
    }

    @Test("Same input and seed, same board; another seed moves the intervals")
    func deterministic() {
        let (truth, results) = simulate(tools: 8, votes: 800, seed: 3)
        let items = truth.keys.sorted()
        let one = Leaderboard.build(results: results, items: items, samples: 50, seed: 9)
        let two = Leaderboard.build(results: results.reversed(), items: items, samples: 50, seed: 9)
        let other = Leaderboard.build(results: results, items: items, samples: 50, seed: 10)
        #expect(one.ranked == two.ranked)
        #expect(one.unranked.map(\.slug) == two.unranked.map(\.slug))
        #expect(one.ranked.map(\.low) != other.ranked.map(\.low))
    }

    // MARK: Critics vs crowd

    @Test("Flags a gap of exactly 30 points with 10 votes")
    func flagsAtThreshold() {
        let flag = CriticsVsCrowd.flag(panel: PanelScore(ship: 1, skip: 0), community: CommunityScore(ship: 7, skip: 3))
        #expect(flag?.gap == 30)
        #expect(flag?.summary == "Critics rate it higher than the crowd (100% vs 70%)")
    }

    @Test("Does not flag 29 points, 9 votes, or a panel without takes")
    func doesNotFlag() {
        #expect(
            CriticsVsCrowd.flag(panel: PanelScore(ship: 1, skip: 0), community: CommunityScore(ship: 71, skip: 29))
                == nil)
        #expect(
            CriticsVsCrowd.flag(panel: PanelScore(ship: 1, skip: 0), community: CommunityScore(ship: 6, skip: 3)) == nil
        )
        #expect(
            CriticsVsCrowd.flag(panel: PanelScore(ship: 0, skip: 0), community: CommunityScore(ship: 0, skip: 10))
                == nil)
    }

    @Test("The gap is panel minus community, and the summary says who ships it")
    func signOfGap() {
        let critics = CriticsVsCrowd.flag(
            panel: PanelScore(ship: 3, skip: 1), community: CommunityScore(ship: 3, skip: 7))
        #expect(
            critics
                == Disagreement(
                    panelPercent: 75, communityPercent: 30, gap: 45,
                    summary: "Critics ship it (75%), the crowd does not (30%)"))
        let crowd = CriticsVsCrowd.flag(
            panel: PanelScore(ship: 0, skip: 2), community: CommunityScore(ship: 8, skip: 2))
        #expect(crowd?.gap == -80)
        #expect(crowd?.summary == "The crowd ships it (80%), the critics do not (0%)")
    }
}

// MARK: Helpers

private func win(_ winner: String, _ loser: String, _ count: Int) -> PairwiseResult {
    PairwiseResult(winner: winner, loser: loser, count: count)
}

/// Every pair plays `each` games each way.
private func roundRobin(_ tools: [String], each: Int) -> [PairwiseResult] {
    tools.indices.flatMap { i in
        tools.indices.filter { $0 > i }.flatMap { j in [win(tools[i], tools[j], each), win(tools[j], tools[i], each)] }
    }
}

private func entry(_ slug: String, _ strength: Double, _ low: Double, _ high: Double) -> LeaderboardEntry {
    LeaderboardEntry(slug: slug, strength: strength, low: low, high: high, wins: 0, losses: 0, tier: 0, rank: 0)
}

/// Votes on random pairs, P(i beats j) = e^sᵢ / (e^sᵢ + e^sⱼ), true strengths evenly over [-2, 2].
private func simulate(tools: Int, votes: Int, seed: UInt64) -> (truth: [String: Double], results: [PairwiseResult]) {
    let slugs = (0..<tools).map { String(format: "tool-%02d", $0) }
    let strengths = (0..<tools).map { -2 + 4 * Double($0) / Double(tools - 1) }
    var generator = SeededGenerator(seed: seed)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: tools), count: tools)
    for _ in 0..<votes {
        let i = Int.random(in: 0..<tools, using: &generator)
        var j = Int.random(in: 0..<(tools - 1), using: &generator)
        if j >= i { j += 1 }
        let iWins = Double.random(in: 0..<1, using: &generator) < 1 / (1 + exp(strengths[j] - strengths[i]))
        if iWins { counts[i][j] += 1 } else { counts[j][i] += 1 }
    }
    let results = (0..<tools).flatMap { w in
        (0..<tools).filter { counts[w][$0] > 0 }.map { l in win(slugs[w], slugs[l], counts[w][l]) }
    }
    return (Dictionary(uniqueKeysWithValues: zip(slugs, strengths)), results)
}

/// Kendall's tau-a between two scorings of the same keys.
private func kendallTau(_ a: [String: Double], _ b: [String: Double]) -> Double {
    let keys = a.keys.sorted()
    var score = 0.0
    var pairs = 0.0
    for i in keys.indices {
        for j in keys.indices where j > i {
            let x = a[keys[i]]! - a[keys[j]]!
            let y = b[keys[i]]! - b[keys[j]]!
            score += (x * y > 0 ? 1 : x * y < 0 ? -1 : 0)
            pairs += 1
        }
    }
    return score / pairs
}
