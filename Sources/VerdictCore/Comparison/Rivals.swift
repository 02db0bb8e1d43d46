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

    static func words(_ tool: Tool) -> Set<String> {
        let text = "\(tool.tagline ?? "") \(tool.description)".lowercased()
        let tokens = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return Set(tokens.filter { $0.count > 2 && !stopwords.contains($0) })
    }

    static func jaccard(_ x: Set<String>, _ y: Set<String>) -> Double {
        let union = x.union(y).count
        return union == 0 ? 0 : Double(x.intersection(y).count) / Double(union)
    }
}
