import Foundation

/// Spots tools where the panel and the community vote disagree sharply, so a page can say so.
///
/// Both sides are compared as the whole percentages readers see, so the flag never contradicts
/// the numbers on the page. A flag needs takes from the panel and at least `minimumVotes` votes,
/// so a handful of early voters cannot manufacture a disagreement.
public enum CriticsVsCrowd {
    /// Smallest |panel − community|, in percentage points, worth flagging.
    public static let threshold = 30
    public static let minimumVotes = 10

    public static func flag(panel: PanelScore, community: CommunityScore) -> Disagreement? {
        guard community.votes >= minimumVotes,
            let critics = panel.shipPercent, let crowd = community.shipPercent,
            abs(critics - crowd) >= threshold
        else { return nil }
        return Disagreement(
            panelPercent: critics, communityPercent: crowd, gap: critics - crowd,
            summary: summary(critics: critics, crowd: crowd))
    }

    /// Names who ships it when the two sides fall either side of 50%; otherwise says who is warmer.
    static func summary(critics: Int, crowd: Int) -> String {
        switch (critics > 50, crowd > 50, critics < 50, crowd < 50) {
        case (true, _, _, true): return "Critics ship it (\(critics)%), the crowd does not (\(crowd)%)"
        case (_, true, true, _): return "The crowd ships it (\(crowd)%), the critics do not (\(critics)%)"
        default:
            return critics > crowd
                ? "Critics rate it higher than the crowd (\(critics)% vs \(crowd)%)"
                : "The crowd rates it higher than the critics (\(crowd)% vs \(critics)%)"
        }
    }
}

/// A sharp split between the panel's ship share and the community's, in whole percentages.
public struct Disagreement: Sendable, Hashable {
    public var panelPercent: Int
    public var communityPercent: Int
    /// Panel minus community, signed: positive when the critics like it more than the crowd.
    public var gap: Int
    /// One line for the page, e.g. "Critics ship it (75%), the crowd does not (30%)".
    public var summary: String

    public init(panelPercent: Int, communityPercent: Int, gap: Int, summary: String) {
        self.panelPercent = panelPercent
        self.communityPercent = communityPercent
        self.gap = gap
        self.summary = summary
    }
}
