import VerdictCore

enum Compare {
    struct Model: Sendable {
        /// A and B in the order the reader asked for.
        var comparison: Comparison
        var canonical: SiteURL
        /// This reader's votes on A and B, by slug.
        var myVotes: [String: Verdict]
        var notice: String?
    }
}
