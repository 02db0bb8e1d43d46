import Foundation

/// One week's newsletter content, assembled by `DigestBuilder` from values only.
public struct Digest: Sendable, Hashable {
    public var week: ISOWeek
    /// Each tool new this week beside its closest rival.
    public var newComparisons: [DigestComparison]
    /// Persona verdicts that appeared or flipped this week.
    public var newVerdicts: [DigestVerdict]
    /// Comparisons among the most-voted tools where personas split or critics and crowd disagree.
    public var mostSplit: [DigestComparison]
    /// Tools whose community ship share moved most since the previous issue.
    public var movers: [DigestMover]
    /// Prices and statuses that changed this week, from the same list as `/new`.
    public var catalogChanges: [DigestChange] = []
    /// Tools added to the catalog this week (all of `/new`'s "Tools added", counted).
    public var toolsAdded = 0

    public init(
        week: ISOWeek, newComparisons: [DigestComparison] = [], newVerdicts: [DigestVerdict] = [],
        mostSplit: [DigestComparison] = [], movers: [DigestMover] = []
    ) {
        self.week = week
        self.newComparisons = newComparisons
        self.newVerdicts = newVerdicts
        self.mostSplit = mostSplit
        self.movers = movers
    }

    /// Nothing to say this week; a sender may skip the issue.
    public var isEmpty: Bool {
        newComparisons.isEmpty && newVerdicts.isEmpty && mostSplit.isEmpty && movers.isEmpty && catalogChanges.isEmpty
    }
}

/// A tool as a digest line shows it: names, slug and the two headline numbers.
public struct DigestTool: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var vendor: String?
    public var category: String
    /// Nil while the tool has no takes.
    public var panelPercent: Int?
    public var panelTakes: Int
    /// Nil ("—") while nobody has voted.
    public var communityPercent: Int?
    public var votes: Int

    public init(_ s: ToolStanding) {
        slug = s.tool.slug
        name = s.tool.name
        vendor = s.tool.vendor
        category = s.tool.category
        panelPercent = s.panel.shipPercent
        panelTakes = s.panel.takes
        communityPercent = s.community.shipPercent
        votes = s.community.votes
    }
}

/// A comparison in the digest: both tools, the derived pick and why, and where they disagree.
public struct DigestComparison: Sendable, Hashable {
    /// `a` and `b` in canonical (alphabetical slug) order, matching `/compare/{a}-vs-{b}`.
    public var a: DigestTool
    public var b: DigestTool
    public var pickSlug: String?
    /// The name of the tool to ship with, or nil when the evidence does not separate them.
    public var pickName: String?
    public var reason: String
    /// Personas that ship one and skip the other, in persona order.
    public var split: [Persona]
    /// Critics-vs-crowd summaries for either tool ("Critics ship it (75%), …"), A first.
    public var criticsVsCrowd: [String]

    public init(_ c: Comparison) {
        a = DigestTool(c.a)
        b = DigestTool(c.b)
        pickSlug = c.recommendation.pick
        pickName = [c.a, c.b].first { $0.tool.slug == c.recommendation.pick }?.tool.name
        reason = c.recommendation.reason
        split = c.split
        criticsVsCrowd = [c.a, c.b].compactMap { s in
            CriticsVsCrowd.flag(panel: s.panel, community: s.community).map { "\(s.tool.name): \($0.summary)" }
        }
    }
}

/// A persona verdict that is new (`from` nil) or flipped this week.
public struct DigestVerdict: Sendable, Hashable {
    public var tool: DigestTool
    public var persona: Persona
    public var from: Verdict?
    public var to: Verdict
    /// The current take's condition for flipping, when the standing carries it.
    public var flip: String?

    public init(tool: DigestTool, persona: Persona, from: Verdict?, to: Verdict, flip: String? = nil) {
        self.tool = tool
        self.persona = persona
        self.from = from
        self.to = to
        self.flip = flip
    }
}

/// A tool whose community ship share moved, in whole percentage points.
public struct DigestMover: Sendable, Hashable {
    public var tool: DigestTool
    public var before: Int
    public var after: Int
    /// `after - before`; positive when the crowd warmed to it.
    public var delta: Int { after - before }

    public init(tool: DigestTool, before: Int, after: Int) {
        self.tool = tool
        self.before = before
        self.after = after
    }
}

/// A price or status change of one tool, as `/new` lists it.
public struct DigestChange: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var text: String

    public init(slug: String, name: String, text: String) {
        self.slug = slug
        self.name = name
        self.text = text
    }
}
