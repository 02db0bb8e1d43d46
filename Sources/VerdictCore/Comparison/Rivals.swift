import Foundation

/// The closest rivals of a tool: same category first, then most similar description.
public enum Rivals {
    public static func closest(to tool: Tool, among candidates: [Tool], limit: Int = 3) -> [Tool] {
        let mine = words(tool)
        let named = Set((tool.facts.competitors ?? []).map { $0.lowercased() })
        let scored = candidates.filter { $0.slug != tool.slug }.map { other -> (Tool, Double) in
            var score = jaccard(mine, words(other))
            if other.category == tool.category { score += 10 }
            if named.contains(where: { other.name.lowercased().contains($0) || $0.contains(other.name.lowercased()) }) {
                score += 1
            }
            return (other, score)
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.slug < $1.0.slug }.prefix(limit).map(\.0)
    }

    static let stopwords: Set<String> = [
        "a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "by", "is", "it", "its",
        "that", "this", "as", "at", "from", "or", "be", "are", "can", "your", "you", "into", "via",
    ]

    /// The distinct words of the tagline and description: runs of letters and digits, lowercased,
    /// longer than two characters, stopwords left out. Read scalar by scalar with an ASCII fast
    /// path: a tool page scores up to 1,000 rivals, and splitting by `Character` cost ~60 µs each.
    static func words(_ tool: Tool) -> Set<String> {
        var words = Set<String>()
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count > 2 {
                let word = String(current)
                if !stopwords.contains(word) { words.insert(word) }
            }
            current.removeAll(keepingCapacity: true)
        }
        for text in [tool.tagline ?? "", tool.description] {
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    let v = scalar.value
                    if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                        current.append(scalar)
                    } else if (0x41...0x5A).contains(v) {
                        current.append(Unicode.Scalar(v + 32)!)
                    } else {
                        flush()
                    }
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    flush()
                }
            }
            flush()
        }
        return words
    }

    static func jaccard(_ x: Set<String>, _ y: Set<String>) -> Double {
        let (small, large) = x.count <= y.count ? (x, y) : (y, x)
        let shared = small.reduce(0) { large.contains($1) ? $0 + 1 : $0 }
        let union = x.count + y.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }
}
