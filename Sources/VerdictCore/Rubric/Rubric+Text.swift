import Foundation

extension Rubric {
    /// Sentences of a take, assembled so the text never exceeds `Rubric.maxWords`.
    struct Prose {
        private var sentences: [(text: String, optional: Bool)] = []

        mutating func add(_ sentence: String) { sentences.append((sentence, false)) }

        /// A sentence that is dropped first when long vendor strings push the take over length.
        mutating func addOptional(_ sentence: String) { sentences.append((sentence, true)) }

        func render() -> String {
            var kept = sentences
            while Rubric.wordCount(kept.map(\.text).joined(separator: " ")) > Rubric.maxWords,
                let last = kept.lastIndex(where: \.optional)
            {
                kept.remove(at: last)
            }
            return Rubric.clipWords(kept.map(\.text).joined(separator: " "), to: Rubric.maxWords)
        }
    }

    /// Chooses among phrasings by a stable hash of persona and tool name, so reruns read the same
    /// and two tools do not read like a template.
    struct Voice {
        let key: String

        init(_ persona: Persona, _ tool: Tool) { key = "\(persona.rawValue):\(tool.name)" }

        func pick(_ options: [String], _ salt: String = "") -> String {
            options[Int(Rubric.fnv1a("\(salt)|\(key)") % UInt64(options.count))]
        }
    }

    /// 64-bit FNV-1a over UTF-8 bytes. Swift's `Hasher` is seeded per process, so it cannot
    /// be used for anything that must read the same on the next run.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Whitespace-separated words, the measure the 60–180 word budget is written in.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }

    /// Keeps the first `limit` words; a last resort, since `Prose` drops optional sentences first.
    static func clipWords(_ text: String, to limit: Int) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count > limit else { return text }
        return words.prefix(limit).joined(separator: " ") + "…"
    }

    /// A vendor string flattened to one line and cut at a word boundary near `maxChars`.
    static func clip(_ text: String, _ maxChars: Int) -> String {
        let flat = TextCleaning.oneLine(text)
        guard flat.count > maxChars else { return flat }
        var cut = String(flat.prefix(maxChars))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > maxChars / 2 {
            cut = String(cut[..<space])
        }
        while let last = cut.last, last.isWhitespace || last.isPunctuation { cut.removeLast() }
        return cut + "…"
    }

    /// "a", "a and b", "a, b, and c", "a, b, c, and 2 more". The serial comma keeps lists of
    /// phrases that themselves contain "and" readable.
    static func joinedList(_ items: [String], max: Int = 4) -> String {
        let shown = items.count > max ? Array(items.prefix(max - 1)) + ["\(items.count - max + 1) more"] : items
        switch shown.count {
        case 0: return ""
        case 1: return shown[0]
        case 2: return "\(shown[0]) and \(shown[1])"
        default: return shown.dropLast().joined(separator: ", ") + ", and " + shown[shown.count - 1]
        }
    }

    /// The tool's name as the takes use it mid-sentence.
    static func displayName(_ tool: Tool) -> String {
        let name = clip(tool.name, 40)
        return name.isEmpty ? "this tool" : name
    }

    /// First character upper-cased, for phrases that open a sentence.
    static func capitalized(_ phrase: String) -> String {
        phrase.prefix(1).uppercased() + phrase.dropFirst()
    }

    /// "$18.00"; POSIX formatting, so no locale changes the text.
    static func usd(_ amount: Double) -> String { String(format: "$%.2f", amount) }

    /// "200,000", grouped by hand so no locale changes the text.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// "1 month", "5 months".
    static func months(_ n: Int) -> String { n == 1 ? "1 month" : "\(n) months" }

    /// "2026-11" (or "2026-11-04") as a month count, for timing arithmetic; nil if malformed.
    static func monthIndex(_ yearMonth: String?) -> Int? {
        guard let parts = yearMonth?.split(separator: "-"), parts.count >= 2, parts[0].count == 4,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return year * 12 + (month - 1)
    }
}
