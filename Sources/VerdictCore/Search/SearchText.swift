import Foundation

/// How search reads text, the same for what is indexed and what a reader types: lowercase,
/// accents folded, split on everything that is not a letter or a digit. Both full-text engines
/// are given these words already split, so SQLite and PostgreSQL see exactly the same terms.
public enum SearchText {
    /// A query of more words than this is refused, not truncated.
    public static let maxQueryWords = 10
    public static let maxQueryLength = 200
    /// Words longer than this are cut (a pasted hash is not a word anyone searches for).
    static let maxWordLength = 40

    /// The words of a text, in order, duplicates kept.
    public static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current.prefix(maxWordLength)))
                current = ""
            }
        }
        if !current.isEmpty { words.append(String(current.prefix(maxWordLength))) }
        return words
    }

    /// The words joined by single spaces: what the engines index.
    public static func terms(_ texts: [String?]) -> String {
        texts.compactMap { $0 }.flatMap(words).joined(separator: " ")
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), or nil once
    /// it is certainly above `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        guard abs(x.count - y.count) <= limit else { return nil }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) <= limit ? max(x.count, y.count) : nil }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var row = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            row[0] = i
            var best = row[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { row[j] = min(row[j], before[j - 2] + 1) }
                best = min(best, row[j])
            }
            guard best <= limit else { return nil }
            (before, previous, row) = (previous, row, before)
        }
        return previous[y.count] <= limit ? previous[y.count] : nil
    }

    /// How many typos a word of this length may carry: none below four letters, one up to seven,
    /// two from eight.
    public static func allowedTypos(_ word: String) -> Int {
        switch word.count {
        case ..<4: 0
        case 4...7: 1
        default: 2
        }
    }

    /// The name words closest to a word no indexed term starts with: every candidate at the
    /// smallest distance within `allowedTypos`, at most five, in order. Empty when none is close.
    public static func corrections(of word: String, among candidates: [String]) -> [String] {
        let limit = allowedTypos(word)
        guard limit > 0 else { return [] }
        let scored = candidates.compactMap { c in distance(word, c, limit: limit).map { (c, $0) } }
        guard let best = scored.map(\.1).min() else { return [] }
        return Array(Set(scored.filter { $0.1 == best }.map(\.0)).sorted().prefix(5))
    }
}
