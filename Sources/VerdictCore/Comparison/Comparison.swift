import Foundation

/// "A vs B — which one should you ship with?": everything the comparison page shows,
/// derived from the two standings and never invented.
public struct Comparison: Sendable, Hashable {
    /// Community numbers join the recommendation only once both tools have this many votes.
    public static let minimumVotes = 10
    /// Points of combined lead below which the panel and crowd do not decide on their own.
    public static let decisiveMargin = 15.0

    public var a: ToolStanding
    public var b: ToolStanding
    public var recommendation: Recommendation
    public var split: [Persona]
    public var scorecard: [ScorecardRow]
    public var pricingRead: String

    public init(_ a: ToolStanding, _ b: ToolStanding) {
        self.a = a
        self.b = b
        self.scorecard = Persona.allCases.map { p in
            ScorecardRow(persona: p, a: a.take(by: p), b: b.take(by: p))
        }
        self.split = scorecard.filter(\.isSplit).map(\.persona)
        self.pricingRead = PricingRead.compare(a.tool, b.tool)
        self.recommendation = Recommendation.derive(a, b, split: scorecard.filter(\.isSplit))
    }

    /// The same comparison with other community numbers: only the recommendation reads them, so
    /// the scorecard, split and pricing read stay as derived.
    public func withCommunity(_ a: CommunityScore, _ b: CommunityScore) -> Comparison {
        var out = self
        (out.a.community, out.b.community) = (a, b)
        out.recommendation = Recommendation.derive(out.a, out.b, split: scorecard.filter(\.isSplit))
        return out
    }

    /// The two tools are in different categories: compared side by side, never ranked.
    public var differentJobs: Bool { a.tool.categorySlug != b.tool.categorySlug }

    /// Every unordered pair of `items`, in order: (1, 2), (1, 3), (2, 3) — a category's leaders compared.
    public static func pairs<T>(_ items: [T]) -> [(T, T)] {
        items.indices.flatMap { i in items.indices.filter { $0 > i }.map { (items[i], items[$0]) } }
    }

    /// The slugs in canonical (alphabetical) order, so `/compare/b-vs-a` names one URL.
    public static func canonicalPair(_ x: String, _ y: String) -> (String, String) {
        x <= y ? (x, y) : (y, x)
    }

    /// Splits "a-vs-b" into its two slugs; tool slugs never contain "-vs-".
    /// Read on every comparison request, so it scans bytes rather than splitting with Foundation.
    public static func parsePair(_ path: String) -> (String, String)? {
        guard let separator = Slug.rangeOfVs(path) else { return nil }
        let a = String(path[..<separator.lowerBound])
        let b = String(path[separator.upperBound...])
        // A second "-vs-" is in `b`, which the slug rule then refuses.
        guard Slug.isValidToolSlug(a), Slug.isValidToolSlug(b), a != b else { return nil }
        return (a, b)
    }
}

/// One persona's take on A beside its take on B.
public struct ScorecardRow: Sendable, Hashable {
    public var persona: Persona
    public var a: Take?
    public var b: Take?

    /// The persona ships one tool and skips the other.
    public var isSplit: Bool {
        guard let a, let b else { return false }
        return a.verdict != b.verdict
    }
}
