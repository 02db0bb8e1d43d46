import VerdictCore

enum Methodology {
    struct Model: Sendable {
        var limits: VoteLimits
        var minimumVotesForComparison: Int
        var minimumComparisonsForLeaderboard: Int
        var criticsVsCrowdGap: Int
        var criticsVsCrowdMinimumVotes: Int
    }
}
