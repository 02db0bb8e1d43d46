/// "How sure is this?": how little it would take to change a community majority, a panel
/// verdict or a leaderboard place. Pure counting on the figures the page already shows.
public enum Fragility {
    /// Which way a count leans: ship when more say ship than skip, skip when more say skip,
    /// split when they are equal.
    public enum Majority: String, CaseIterable, Codable, Sendable, Hashable {
        case ship, skip, split

        public init(ship: Int, skip: Int) {
            self = ship > skip ? .ship : ship < skip ? .skip : .split
        }

        public init(_ verdict: Verdict) {
            self = verdict == .ship ? .ship : .skip
        }
    }

    /// Votes of the other kind that would tie or overturn the community majority.
    ///
    /// Counts only votes that carry weight: discounted votes are left out, as in `CommunityScore`.
    public struct Community: Sendable, Hashable {
        public let majority: Majority
        /// Votes of the other kind that would tie it; 0 when already tied.
        public let votesToTie: Int
        /// Votes of the other kind that would give the other side the majority; 1 when tied
        /// (of either kind).
        public let votesToOverturn: Int

        /// Nil while nobody has voted: there is no majority to change.
        public init?(_ score: CommunityScore) {
            guard score.votes > 0 else { return nil }
            majority = Majority(ship: score.ship, skip: score.skip)
            votesToTie = abs(score.ship - score.skip)
            votesToOverturn = votesToTie + 1
        }

        /// "3 more skip votes would make this a majority skip", or "Tied: the next vote decides it".
        public var sentence: String {
            let other: Verdict
            switch majority {
            case .split: return "Tied: the next vote decides it"
            case .ship: other = .skip
            case .skip: other = .ship
            }
            // Never singular: a majority has a margin of at least 1, so overturning takes at least 2.
            return "\(votesToOverturn) more \(other.rawValue) votes would make this a majority \(other.rawValue)"
        }
    }

    /// Takes that would have to flip to change the panel's verdict (ship, skip or split, by
    /// `Majority`) to split or to the other side.
    public struct Panel: Sendable, Hashable {
        public let ship: Int
        public let skip: Int
        public let verdict: Majority
        /// Fewest flips that change the verdict: half the margin, rounded up; 1 when split.
        public let flipsNeeded: Int
        /// Personas who could flip it (the majority side; everyone when split) and hold their
        /// verdict narrowly, so are nearest their threshold. In panel order.
        public let narrow: [Persona]
        /// "One persona's flip would change the verdict (the Buyer holds ship narrowly)".
        public let sentence: String

        /// Nil without takes. Abstentions are not takes, so they are not counted.
        public init?(takes: [Take]) {
            guard !takes.isEmpty else { return nil }
            let score = PanelScore(takes: takes)
            let verdict = Majority(ship: score.ship, skip: score.skip)
            let flips = max(1, (abs(score.ship - score.skip) + 1) / 2)
            let narrowTakes = Persona.allCases.flatMap { persona in
                takes.filter { take in
                    take.persona == persona && take.conviction == .narrow
                        && (verdict == .split || Majority(take.verdict) == verdict)
                }
            }
            let lead =
                switch (verdict, flips) {
                case (.split, _): "Split \(score.ship)–\(score.skip): one persona's flip decides it"
                case (_, 1): "One persona's flip would change the verdict"
                case (_, let n): "\(Fragility.capitalisedWord(n)) personas would have to flip to change the verdict"
                }
            ship = score.ship
            skip = score.skip
            self.verdict = verdict
            flipsNeeded = flips
            narrow = narrowTakes.map(\.persona)
            sentence = narrowTakes.isEmpty ? lead : "\(lead) (\(Self.holds(narrowTakes)))"
        }

        /// "the Buyer holds ship narrowly", "the Builder and the Buyer hold ship narrowly; the Skeptic
        /// holds skip narrowly".
        static func holds(_ takes: [Take]) -> String {
            Verdict.allCases.compactMap { verdict in
                let names = takes.filter { $0.verdict == verdict }.map { "the \($0.persona.displayName)" }
                guard !names.isEmpty else { return nil }
                return "\(Fragility.list(names)) \(names.count == 1 ? "holds" : "hold") \(verdict.rawValue) narrowly"
            }
            .joined(separator: "; ")
        }
    }

    /// Leaderboard neighbours whose 95% intervals overlap this entry's, so the order between
    /// them is not settled by the votes so far.
    ///
    /// Walking up, then down, from the entry, each neighbour whose interval overlaps this entry's
    /// (closed intervals, as tiers compare them) is listed, stopping at the first that does not.
    /// Unlike tiers, which compare with the tier's top, this compares with the entry itself.
    public struct Rank: Sendable, Hashable {
        public let rank: Int
        /// Ranks of the overlapping neighbours, ascending.
        public let overlapping: [Int]
        /// True when the board has no other entry to compare with.
        public let isAlone: Bool

        /// Nil when `index` is not an index of `ranked` (the board sorted by rank).
        public init?(ranked: [LeaderboardEntry], index: Int) {
            guard ranked.indices.contains(index) else { return nil }
            let entry = ranked[index]
            let overlaps = { (other: LeaderboardEntry) in other.high >= entry.low && other.low <= entry.high }
            let above = ranked[..<index].reversed().prefix(while: overlaps).map(\.rank)
            let below = ranked[(index + 1)...].prefix(while: overlaps).map(\.rank)
            rank = entry.rank
            overlapping = above.reversed() + below
            isAlone = ranked.count == 1
        }

        /// "Could swap with #2 and #4 within its 95% interval", or "Clear of its neighbours at 95%".
        public var sentence: String {
            if isAlone { return "The only ranked tool" }
            if overlapping.isEmpty { return "Clear of its neighbours at 95%" }
            let runs = Self.runs(overlapping).flatMap { run in
                run.count >= 3 ? ["#\(run.first!)–#\(run.last!)"] : run.map { "#\($0)" }
            }
            return "Could swap with \(Fragility.list(runs)) within its 95% interval"
        }

        /// Consecutive ranks grouped: [1, 2, 3, 5] → [[1, 2, 3], [5]].
        static func runs(_ ranks: [Int]) -> [[Int]] {
            ranks.reduce(into: [[Int]]()) { runs, rank in
                if let last = runs.last?.last, last + 1 == rank {
                    runs[runs.count - 1].append(rank)
                } else {
                    runs.append([rank])
                }
            }
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// "Two" … "Ten", digits beyond.
    static func capitalisedWord(_ n: Int) -> String {
        let words = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]
        return words.indices.contains(n) ? words[n] : "\(n)"
    }
}

extension Fragility {
    /// One figure's definition with a worked example, as /methodology and docs/methodology.md show it.
    public struct Definition: Sendable, Hashable {
        public let title: String
        public let text: String
        public let example: String
    }

    /// The three figures, in the order pages show them. Keep docs/methodology.md in step.
    public static let definitions: [Definition] = [
        Definition(
            title: "Community: votes to overturn",
            text: """
                The community has a ship majority when more counted votes say ship than skip, a skip \
                majority when more say skip, and is tied when they are equal. The figure is the fewest \
                votes of the other kind that would give the other side the majority: the margin plus \
                one. The margin alone would tie it. From a tie, the next vote decides it. Discounted \
                votes are not counted; with no votes there is no figure.
                """,
            example: """
                10 ship, 7 skip: a ship majority by 3. 3 skip votes would tie it at 10–10, and 4 make \
                it 10–11: "4 more skip votes would make this a majority skip".
                """),
        Definition(
            title: "Panel: flips to change the verdict",
            text: """
                The panel's verdict is ship when more takes say ship than skip, skip when more say skip, \
                and split when they are equal. The figure is the fewest personas who would have to flip \
                their take to change the verdict, to split or to the other side: half the margin, \
                rounded up. From a split, one flip decides it. Personas who could flip it and hold their \
                verdict narrowly, nearest their threshold, are named. With no takes there is no figure.
                """,
            example: """
                Builder, Futurist and Buyer ship, the Buyer narrowly; Skeptic skips. 3–1 is a margin of \
                2, so one flip makes it 2–2: "One persona's flip would change the verdict (the Buyer \
                holds ship narrowly)".
                """),
        Definition(
            title: "Leaderboard: could swap with",
            text: """
                Walking up the board from a tool, then down, each neighbour whose 95% interval overlaps \
                the tool's own is listed, stopping at the first that does not. The votes so far cannot \
                tell the order of overlapping tools. Unlike tiers, which compare every tool with its \
                tier's top, this compares with the tool itself.
                """,
            example: """
                #3 spans 0.10 to 0.60. #2 spans 0.55 to 1.20 and #4 −0.20 to 0.15: both overlap. #1 \
                (0.90 to 1.60) and #5 (−0.50 to 0.05) do not: "Could swap with #2 and #4 within its 95% \
                interval".
                """),
    ]
}
