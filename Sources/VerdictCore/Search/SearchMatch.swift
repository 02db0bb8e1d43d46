/// A query's words as the full-text engines match them: every word must match (a word matches
/// any indexed word it begins), and a word no indexed word begins is replaced by the name words
/// within its allowed typos. The expression texts are built only from `SearchText.words`, so a
/// reader's quotes, stars, `NEAR` or `OR` are never syntax.
public struct SearchMatch: Sendable, Hashable {
    /// One group per query word: the word itself, or its corrections.
    public var groups: [[String]]
    /// Query words that were replaced, with what replaced them ("clade" → ["claude"]).
    public var corrected: [String: [String]]

    public init(groups: [[String]], corrected: [String: [String]] = [:]) {
        self.groups = groups
        self.corrected = corrected
    }

    /// The query's words joined as a name is indexed: a name equal to this is an exact match.
    public var exactName: String { groups.map { $0.first ?? "" }.joined(separator: " ") }

    public var isEmpty: Bool { groups.isEmpty }

    /// The three places a match is ranked by, best first.
    public enum Scope: Sendable, CaseIterable {
        case name, nameOrMeta, anywhere
    }

    /// SQLite FTS5: `{name meta} : (("clau"*) AND ("mini"* OR "mimi"*))`.
    public func fts5(_ scope: Scope) -> String {
        let all = groups.map { "(" + $0.map { "\"\($0)\"*" }.joined(separator: " OR ") + ")" }.joined(separator: " AND ")
        switch scope {
        case .name: return "{name} : (\(all))"
        case .nameOrMeta: return "{name meta} : (\(all))"
        case .anywhere: return all
        }
    }

    /// PostgreSQL `to_tsquery('simple', …)`: name words carry weight A, vendor and tagline B.
    public func tsquery(_ scope: Scope) -> String {
        let weights =
            switch scope {
            case .name: "A"
            case .nameOrMeta: "AB"
            case .anywhere: ""
            }
        return groups.map { "(" + $0.map { "\($0):*\(weights)" }.joined(separator: " | ") + ")" }.joined(separator: " & ")
    }
}
