import Foundation

/// The take-quality measures of issue #14 over a set of tools and their current takes: how much
/// of the prose is boilerplate, how varied the flip conditions are, whether any take says
/// something the facts contradict, and whether the panel tells a category's tools apart. The
/// same numbers for the demo catalog (a test) and for any database (`verdict panel audit`).
public struct TakeAudit: Sendable {
    /// A sentence counts as boilerplate once it appears word for word in this many takes.
    public static let repeatedIn = 5
    /// Categories with at least this many tools are checked for separation.
    public static let crowded = 5

    public var takes = 0
    public var sentences = 0
    /// Sentences (counted each time they occur) that appear in `repeatedIn` or more takes.
    public var repeatedSentences = 0
    public var flips = 0
    public var topFlip: (text: String, count: Int)?
    public var contradictions: [String] = []
    /// Crowded categories whose most common panel ship value holds more than half of the tools.
    public var unseparated: [(category: String, tools: Int, value: Int, count: Int)] = []
    public var topSentences: [(text: String, takes: Int)] = []

    public var repeatedShare: Double { sentences == 0 ? 0 : Double(repeatedSentences) / Double(sentences) }
    public var topFlipShare: Double { flips == 0 ? 0 : Double(topFlip?.count ?? 0) / Double(flips) }

    public init(_ panels: [(tool: Tool, takes: [Take])]) {
        var inTakes: [String: Int] = [:]
        var perTake: [[String]] = []
        var flipCounts: [String: Int] = [:]
        for (tool, takes) in panels {
            for take in takes {
                let split = Self.sentences(take.text)
                perTake.append(split)
                for s in Set(split) { inTakes[s, default: 0] += 1 }
                if let flip = take.flip {
                    flipCounts[flip, default: 0] += 1
                    flips += 1
                }
                contradictions += Self.contradictions(take, of: tool).map { "\(tool.slug) / \(take.persona.rawValue): \($0)" }
            }
        }
        takes = perTake.count
        sentences = perTake.reduce(0) { $0 + $1.count }
        repeatedSentences = perTake.reduce(0) { $0 + $1.filter { (inTakes[$0] ?? 0) >= Self.repeatedIn }.count }
        topFlip = flipCounts.max { ($0.value, $1.key) < ($1.value, $0.key) }.map { ($0.key, $0.value) }
        topSentences = inTakes.filter { $0.value >= Self.repeatedIn }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(10).map { ($0.key, $0.value) }
        var byCategory: [String: [Int]] = [:]
        for (tool, takes) in panels { byCategory[tool.category, default: []].append(PanelScore(takes: takes).shipPercent ?? -1) }
        for (category, values) in byCategory.sorted(by: { $0.key < $1.key }) where values.count >= Self.crowded {
            let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
            if let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), top.value * 2 > values.count {
                unseparated.append((category, values.count, top.key, top.value))
            }
        }
    }

    /// A take's sentences: split after `.`, `!` or `?` followed by a space.
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            current.append(c)
            if ".!?".contains(c), chars.first?.isWhitespace ?? true {
                let s = current.trimmingCharacters(in: .whitespaces)
                if !s.isEmpty { out.append(s) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { out.append(rest) }
        return out
    }

    /// What in a take (its text and flip) the tool's facts contradict: generating a medium it does
    /// not output, a price threat to a free tool, another entry tier, an API it lacks or lacks an
    /// API it has, open weights it does not publish.
    public static func contradictions(_ take: Take, of tool: Tool) -> [String] {
        let f = tool.facts
        let text = take.text + " " + (take.flip ?? "")
        var found: [String] = []
        for medium in ["video", "audio", "image"]
        where text.contains("\(medium) generation") && f.outputModalities?.contains(medium) != true {
            found.append("speaks of \(medium) generation, which it does not output")
        }
        if tool.entry == .free || f.pricingModel == .free {
            for threat in ["undercut", "lower price", "cheaper rival"] where text.contains(threat) {
                found.append("threatens a free tool with '\(threat)'")
            }
        }
        for tier in EntryTier.allCases where tier != tool.entry && text.contains("ntry tier is \(tier.displayName),") {
            found.append("misstates the entry tier as \(tier.displayName)")
        }
        if f.api != true, text.contains("a documented HTTP API") { found.append("claims an API it does not declare") }
        if f.api == true, text.contains("no public API") { found.append("denies its API") }
        if f.openWeights != true, text.contains("with open weights") || text.contains("its open weights") {
            found.append("claims open weights")
        }
        return found
    }

    /// The measures as an editor reads them, with the issue's targets.
    public var report: [String] {
        var lines = [
            "takes: \(takes), sentences: \(sentences)",
            String(
                format: "boilerplate: %.1f%% of sentences appear word for word in %d or more takes (target ≤ 20%%)",
                repeatedShare * 100, Self.repeatedIn),
            String(
                format: "flips: %d; the most common is %.1f%% of them (target ≤ 10%%): %@", flips, topFlipShare * 100,
                "\"\(topFlip?.text ?? "—")\" ×\(topFlip?.count ?? 0)"),
            "contradictions: \(contradictions.count) (target 0)",
        ]
        lines += contradictions.prefix(20).map { "  - \($0)" }
        lines.append(
            "categories of \(Self.crowded)+ tools where one panel ship value holds more than half: \(unseparated.count) (target 0)")
        lines += unseparated.map { "  - \($0.category): \($0.count) of \($0.tools) tools at \($0.value)%" }
        lines.append("most repeated sentences:")
        lines += topSentences.map { "  \($0.takes)× \($0.text)" }
        return lines
    }
}
