import VerdictCore

enum ToolShow {
    struct Model: Sendable {
        var standing: ToolStanding
        /// The three closest rivals, to compare with.
        var rivals: [ToolStanding]
        /// This reader's current vote, if they have voted.
        var myVote: Verdict?
        /// Set right after a vote form POST, to confirm it.
        var notice: String?
    }
}
