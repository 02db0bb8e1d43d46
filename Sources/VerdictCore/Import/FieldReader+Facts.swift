import Foundation

/// What each key under `facts` must hold.
enum FactKind {
    case bool, int, number, text, url, textList
    case oneOf([String])
    case yearMonth

    var expected: String {
        switch self {
        case .bool: "true or false"
        case .int: "a whole number ≥ 0"
        case .number: "a number ≥ 0"
        case .text: "text"
        case .url: "an http(s) URL"
        case .textList: "a list of text"
        case .oneOf(let values): "one of \(values.joined(separator: " | "))"
        case .yearMonth: "a month as \"YYYY-MM\""
        }
    }
}

extension ToolFacts {
    static let kinds: [String: FactKind] = [
        "api": .bool, "sdks": .textList, "docs_url": .url, "quickstart_minutes": .int,
        "license": .text, "open_weights": .bool, "self_hostable": .bool,
        "rate_limits_published": .bool, "status": .oneOf(ReleaseStatus.allCases.map(\.rawValue)),
        "modalities": .textList, "output_modalities": .textList, "context_window": .int, "competitors": .textList,
        "claims": .textList, "benchmarks_published": .bool,
        "backing": .oneOf(Backing.allCases.map(\.rawValue)), "lock_in": .oneOf(Level.allCases.map(\.rawValue)),
        "launched": .yearMonth, "bet": .text,
        "pricing_model": .oneOf(PricingModel.allCases.map(\.rawValue)), "pricing_published": .bool,
        "free_tier": .bool, "input_price_per_mtok": .number, "output_price_per_mtok": .number,
        "price_note": .text, "enterprise": .bool,
    ]
}

extension FieldReader {
    /// Reads `facts`: every key must be known and hold the right kind of value.
    mutating func facts() -> ToolFacts? {
        guard let raw = map["facts"], raw != .null else { return ToolFacts() }
        guard case .object(let m) = raw else {
            report("facts", "expected a mapping of facts, got \(raw.kind)")
            return nil
        }
        let problemsBefore = problems.count
        var clean: [String: Any] = [:]
        for key in m.keys.sorted() {
            guard let kind = ToolFacts.kinds[key] else {
                report("facts.\(key)", "unknown fact; known facts are \(ToolFacts.knownKeys.joined(separator: ", "))")
                continue
            }
            guard let value = m[key], value != .null else { continue }
            if Self.holdsNUL(value) {
                report("facts.\(key)", TextRefusal.nul.description)
            } else if let checked = Self.check(value, as: kind) {
                clean[key] = checked
            } else {
                report("facts.\(key)", "expected \(kind.expected), got \(Self.show(value))")
            }
        }
        guard problems.count == problemsBefore else { return nil }
        // Every value was checked against its kind above, so decoding cannot fail.
        let data = try! JSONSerialization.data(withJSONObject: clean)
        return try? JSONDecoder().decode(ToolFacts.self, from: data)
    }

    private static func show(_ value: JSONValue) -> String {
        if case .string(let s) = value { return "\"\(s.prefix(60))\"" }
        return value.kind
    }

    /// The Foundation value to decode, or nil if `value` is not of `kind`.
    static func check(_ value: JSONValue, as kind: FactKind) -> Any? {
        switch (kind, value) {
        case (.bool, .bool(let b)): return b
        case (.int, .int(let i)) where i >= 0: return i
        case (.number, .int(let i)) where i >= 0: return Double(i)
        case (.number, .double(let d)) where d >= 0 && d.isFinite: return d
        case (.text, .string(let s)):
            // Cleaned first: text that is only invisible characters is empty text.
            let cleaned = try? TextCleaning.field(s, max: 1000).get()
            return cleaned?.isEmpty == false ? cleaned : nil
        case (.url, .string(let s)):
            return FieldReader.isWebURL(s) ? s : nil
        case (.textList, .array(let items)):
            let strings = items.compactMap { item -> String? in
                guard case .string(let s) = item else { return nil }
                let cleaned = try? TextCleaning.field(s, max: 300).get()
                return cleaned?.isEmpty == false ? cleaned : nil
            }
            return strings.count == items.count && items.count <= 50 ? strings : nil
        case (.oneOf(let allowed), .string(let s)) where allowed.contains(s): return s
        case (.yearMonth, .string(let s)) where isYearMonth(s): return s
        default: return nil
        }
    }

    /// NUL is refused by name rather than reported as a value of the wrong kind.
    static func holdsNUL(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let s): s.unicodeScalars.contains("\0")
        case .array(let items): items.contains(where: holdsNUL)
        default: false
        }
    }

    static func isYearMonth(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1])
        else { return false }
        return (1990...2100).contains(y) && (1...12).contains(m)
    }
}
