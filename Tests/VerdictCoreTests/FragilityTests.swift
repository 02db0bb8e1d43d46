import Foundation
import Testing

@testable import VerdictCore

@Suite("Fragility: votes to overturn, flips to change the verdict, ranks that could swap")
struct FragilityTests {
    // MARK: Community

    struct CommunityCase: Sendable, CustomTestStringConvertible {
        let ship: Int, skip: Int, discounted: Int
        /// nil: no figure at all.
        let expected: (majority: Fragility.Majority, tie: Int, overturn: Int, sentence: String)?
        var testDescription: String { "\(ship)–\(skip) (+\(discounted) discounted)" }
    }

    static let communityCases: [CommunityCase] = [
        .init(ship: 0, skip: 0, discounted: 0, expected: nil),
        .init(ship: 0, skip: 0, discounted: 5, expected: nil),
        .init(ship: 3, skip: 3, discounted: 0, expected: (.split, 0, 1, "Tied: the next vote decides it")),
        .init(ship: 1, skip: 0, discounted: 0, expected: (.ship, 1, 2, "2 more skip votes would make this a majority skip")),
        .init(ship: 0, skip: 1, discounted: 0, expected: (.skip, 1, 2, "2 more ship votes would make this a majority ship")),
        .init(ship: 10, skip: 7, discounted: 0, expected: (.ship, 3, 4, "4 more skip votes would make this a majority skip")),
        .init(ship: 7, skip: 10, discounted: 0, expected: (.skip, 3, 4, "4 more ship votes would make this a majority ship")),
        .init(ship: 10, skip: 7, discounted: 50, expected: (.ship, 3, 4, "4 more skip votes would make this a majority skip")),
        .init(
            ship: 1_000_000, skip: 999_999, discounted: 0,
            expected: (.ship, 1, 2, "2 more skip votes would make this a majority skip")),
        .init(
            ship: 0, skip: 2_000_000, discounted: 0,
            expected: (.skip, 2_000_000, 2_000_001, "2000001 more ship votes would make this a majority ship")),
    ]

    @Test("Community: votes of the other kind to tie and to overturn", arguments: communityCases)
    func community(_ c: CommunityCase) {
        // MUT
        let fragility = Fragility.Community(CommunityScore(ship: c.ship, skip: c.skip, discounted: c.discounted))
        // validate
        guard let expected = c.expected else {
            #expect(fragility == nil)
            return
        }
        #expect(fragility?.majority == expected.majority)
        #expect(fragility?.votesToTie == expected.tie)
        #expect(fragility?.votesToOverturn == expected.overturn)
        #expect(fragility?.sentence == expected.sentence)
    }

    // MARK: Panel

    struct PanelCase: Sendable, CustomTestStringConvertible {
        let name: String
        let takes: [(Persona, Verdict, Conviction)]
        let expected: (verdict: Fragility.Majority, flips: Int, narrow: [Persona], sentence: String)?
        var testDescription: String { name }
    }

    static let panelCases: [PanelCase] = [
        .init(name: "no takes", takes: [], expected: nil),
        .init(
            name: "one take, narrow", takes: [(.futurist, .ship, .narrow)],
            expected: (.ship, 1, [.futurist], "One persona's flip would change the verdict (the Futurist holds ship narrowly)")),
        .init(
            name: "one take, clear", takes: [(.skeptic, .skip, .clear)],
            expected: (.skip, 1, [], "One persona's flip would change the verdict")),
        .init(
            name: "4–0, all clear",
            takes: [(.builder, .ship, .clear), (.skeptic, .ship, .clear), (.futurist, .ship, .clear), (.buyer, .ship, .clear)],
            expected: (.ship, 2, [], "Two personas would have to flip to change the verdict")),
        .init(
            name: "4–0, Buyer narrow",
            takes: [(.builder, .ship, .clear), (.skeptic, .ship, .clear), (.futurist, .ship, .clear), (.buyer, .ship, .narrow)],
            expected: (.ship, 2, [.buyer], "Two personas would have to flip to change the verdict (the Buyer holds ship narrowly)")),
        .init(
            name: "3–1, all clear",
            takes: [(.builder, .ship, .clear), (.skeptic, .skip, .clear), (.futurist, .ship, .clear), (.buyer, .ship, .clear)],
            expected: (.ship, 1, [], "One persona's flip would change the verdict")),
        .init(
            name: "3–1, Buyer narrow; the narrow skip is not named, its flip would not change the verdict",
            takes: [(.builder, .ship, .clear), (.skeptic, .skip, .narrow), (.futurist, .ship, .clear), (.buyer, .ship, .narrow)],
            expected: (.ship, 1, [.buyer], "One persona's flip would change the verdict (the Buyer holds ship narrowly)")),
        .init(
            name: "3–1, two narrow, named in panel order whatever the take order",
            takes: [(.buyer, .ship, .narrow), (.skeptic, .skip, .clear), (.futurist, .ship, .clear), (.builder, .ship, .narrow)],
            expected: (
                .ship, 1, [.builder, .buyer],
                "One persona's flip would change the verdict (the Builder and the Buyer hold ship narrowly)"
            )),
        .init(
            name: "2–2, all clear",
            takes: [(.builder, .ship, .clear), (.skeptic, .skip, .clear), (.futurist, .skip, .clear), (.buyer, .ship, .clear)],
            expected: (.split, 1, [], "Split 2–2: one persona's flip decides it")),
        .init(
            name: "2–2, narrow on both sides",
            takes: [(.builder, .ship, .clear), (.skeptic, .skip, .narrow), (.futurist, .skip, .clear), (.buyer, .ship, .narrow)],
            expected: (
                .split, 1, [.skeptic, .buyer],
                "Split 2–2: one persona's flip decides it (the Buyer holds ship narrowly; the Skeptic holds skip narrowly)"
            )),
        .init(
            name: "1–3, Skeptic narrow",
            takes: [(.builder, .skip, .clear), (.skeptic, .skip, .narrow), (.futurist, .skip, .clear), (.buyer, .ship, .narrow)],
            expected: (.skip, 1, [.skeptic], "One persona's flip would change the verdict (the Skeptic holds skip narrowly)")),
        .init(
            name: "3–0 with one abstention: two flips, one only makes it 2–1",
            takes: [(.builder, .ship, .clear), (.futurist, .ship, .clear), (.buyer, .ship, .clear)],
            expected: (.ship, 2, [], "Two personas would have to flip to change the verdict")),
    ]

    @Test("Panel: fewest flips that change the verdict, naming narrow holders", arguments: panelCases)
    func panel(_ c: PanelCase) {
        // setup
        let takes = c.takes.map { Take(persona: $0.0, verdict: $0.1, conviction: $0.2, text: "", source: .editorial) }
        // MUT
        let fragility = Fragility.Panel(takes: takes)
        // validate
        guard let expected = c.expected else {
            #expect(fragility == nil)
            return
        }
        #expect(fragility?.verdict == expected.verdict)
        #expect(fragility?.flipsNeeded == expected.flips)
        #expect(fragility?.narrow == expected.narrow)
        #expect(fragility?.sentence == expected.sentence)
    }

    @Test("Panel: flipsNeeded is the brute-force minimum for every count up to 8–8")
    func panelFlipsAreMinimal() {
        for ship in 0...8 {
            for skip in 0...8 where ship + skip > 0 {
                let takes =
                    Array(repeating: Fixture.take(.builder, .ship), count: ship)
                    + Array(repeating: Fixture.take(.skeptic, .skip), count: skip)
                let before = Fragility.Majority(ship: ship, skip: skip)
                // Flip n takes from the majority side (either side when split) until the verdict changes.
                let from = before == .skip ? skip : ship
                let brute = (1...from).first { n in
                    let after =
                        before == .skip
                        ? Fragility.Majority(ship: ship + n, skip: skip - n) : Fragility.Majority(ship: ship - n, skip: skip + n)
                    return after != before
                }
                #expect(Fragility.Panel(takes: takes)?.flipsNeeded == brute, "\(ship)–\(skip)")
            }
        }
    }

    // MARK: Rank

    /// Worked example of the docs: #3 overlaps #2 above and #4 below, and nothing further.
    static let board = entries([(0.90, 1.60), (0.55, 1.20), (0.10, 0.60), (-0.20, 0.15), (-0.50, 0.05)])
    static let clearBoard = entries([(2.0, 3.0), (1.0, 1.5), (0.0, 0.5)])
    static let oneSide = entries([(1.0, 2.0), (0.8, 1.2), (0.0, 0.5)])
    /// #2 is narrow and clear of #1; #3 is wide and reaches #1, but the walk stops at #2.
    static let gap = entries([(1.0, 2.0), (0.2, 0.4), (-0.5, 1.1)])
    /// Closed intervals, as tiers: touching ends overlap.
    static let touching = entries([(1.0, 2.0), (0.0, 1.0)])
    static let crowd = entries(Array(repeating: (0.0, 1.0), count: 5))

    struct RankCase: Sendable, CustomTestStringConvertible {
        let name: String
        let board: [LeaderboardEntry]
        let index: Int
        let expected: (overlapping: [Int], sentence: String)?
        var testDescription: String { name }
    }

    static let rankCases: [RankCase] = [
        .init(
            name: "both sides", board: board, index: 2,
            expected: ([2, 4], "Could swap with #2 and #4 within its 95% interval")),
        .init(name: "first entry", board: board, index: 0, expected: ([2], "Could swap with #2 within its 95% interval")),
        .init(name: "last entry", board: board, index: 4, expected: ([4], "Could swap with #4 within its 95% interval")),
        .init(name: "both sides, second", board: board, index: 1, expected: ([1, 3], "Could swap with #1 and #3 within its 95% interval")),
        .init(name: "one side only", board: oneSide, index: 1, expected: ([1], "Could swap with #1 within its 95% interval")),
        .init(name: "none, middle", board: clearBoard, index: 1, expected: ([], "Clear of its neighbours at 95%")),
        .init(name: "none, first", board: clearBoard, index: 0, expected: ([], "Clear of its neighbours at 95%")),
        .init(name: "none, last", board: clearBoard, index: 2, expected: ([], "Clear of its neighbours at 95%")),
        .init(name: "walk stops at the first gap", board: gap, index: 0, expected: ([], "Clear of its neighbours at 95%")),
        .init(name: "touching ends overlap", board: touching, index: 1, expected: ([1], "Could swap with #1 within its 95% interval")),
        .init(
            name: "runs of three collapse", board: crowd, index: 3,
            expected: ([1, 2, 3, 5], "Could swap with #1–#3 and #5 within its 95% interval")),
        .init(
            name: "runs of two stay listed", board: crowd, index: 2,
            expected: ([1, 2, 4, 5], "Could swap with #1, #2, #4 and #5 within its 95% interval")),
        .init(name: "alone on the board", board: entries([(0, 1)]), index: 0, expected: ([], "The only ranked tool")),
        .init(name: "index past the end", board: board, index: 5, expected: nil),
        .init(name: "empty board", board: [], index: 0, expected: nil),
    ]

    @Test("Rank: neighbours whose 95% intervals overlap", arguments: rankCases)
    func rank(_ c: RankCase) {
        // MUT
        let fragility = Fragility.Rank(ranked: c.board, index: c.index)
        // validate
        guard let expected = c.expected else {
            #expect(fragility == nil)
            return
        }
        #expect(fragility?.rank == c.index + 1)
        #expect(fragility?.overlapping == expected.overlapping)
        #expect(fragility?.sentence == expected.sentence)
    }

    // MARK: Definitions

    @Test("Each worked example quotes the sentence the code gives")
    func examplesMatchCode() {
        let community = Fragility.Community(CommunityScore(ship: 10, skip: 7))!.sentence
        let panel = Fragility.Panel(takes: [
            Take(persona: .builder, verdict: .ship, text: "", source: .editorial),
            Take(persona: .skeptic, verdict: .skip, text: "", source: .editorial),
            Take(persona: .futurist, verdict: .ship, text: "", source: .editorial),
            Take(persona: .buyer, verdict: .ship, conviction: .narrow, text: "", source: .editorial),
        ])!.sentence
        let rank = Fragility.Rank(ranked: Self.board, index: 2)!.sentence
        let examples = Fragility.definitions.map(\.example)
        #expect(examples.count == 3)
        for (example, sentence) in zip(examples, [community, panel, rank]) {
            #expect(example.contains("\"\(sentence)\""))
        }
    }

    @Test("docs/methodology.md says what /methodology says")
    func docsMatchDefinitions() throws {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/methodology.md")
        let text = oneLine(try String(contentsOf: docs, encoding: .utf8))
        for definition in Fragility.definitions {
            #expect(text.contains(oneLine(definition.title)), "\(definition.title)")
            #expect(text.contains(oneLine(definition.text)), "\(definition.title): text")
            #expect(text.contains(oneLine(definition.example)), "\(definition.title): example")
        }
    }
}

/// Entries ranked in the given order, numbered from 1.
private func entries(_ intervals: [(low: Double, high: Double)]) -> [LeaderboardEntry] {
    intervals.enumerated().map { i, interval in
        LeaderboardEntry(
            slug: "tool-\(i + 1)", strength: (interval.low + interval.high) / 2 - Double(i) * 1e-3, low: interval.low,
            high: interval.high, wins: 0, losses: 0, tier: 0, rank: i + 1)
    }
}

/// Markdown wraps lines where Swift does not: compare with runs of whitespace as one space.
private func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
