import Foundation

/// Reads the typed fields of one entry (a tool or a take), noting each problem.
struct FieldReader {
    let location: String
    let map: [String: JSONValue]
    private(set) var problems: [ImportProblem] = []

    init(location: String, map: [String: JSONValue]) {
        self.location = location
        self.map = map
    }

    mutating func report(_ field: String, _ message: String) {
        problems.append(ImportProblem(location, field: field, message))
    }

    mutating func rejectUnknownKeys(allowed: Set<String>) {
        for key in map.keys.sorted() where !allowed.contains(key) {
            report(key, "unknown field; expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    /// Text field; numbers are accepted as their text (YAML reads `name: 2048` as a number).
    mutating func text(_ field: String, required: Bool = false, max: Int) -> String? {
        let raw: String
        switch map[field] {
        case nil, .null?:
            if required { report(field, "is required (text)") }
            return nil
        case .string(let s)?: raw = s
        case .int(let i)?: raw = String(i)
        case .double(let d)?: raw = String(d)
        case let other?:
            report(field, "expected text, got \(other.kind)")
            return nil
        }
        // Cleaned first: text that is only invisible or control characters is empty text.
        let value: String
        switch TextCleaning.field(raw, max: max) {
        case .success(let cleaned): value = cleaned
        case .failure(let refusal):
            report(field, refusal.description)
            return nil
        }
        if value.isEmpty {
            if required { report(field, "is required and must not be empty") }
            return nil
        }
        return value
    }

    mutating func oneOf<E: RawRepresentable & CaseIterable>(
        _ field: String, _ type: E.Type, required: Bool = false
    ) -> E? where E.RawValue == String {
        let allowed = E.allCases.map(\.rawValue).joined(separator: " | ")
        switch map[field] {
        case nil, .null?:
            if required { report(field, "is required: one of \(allowed)") }
            return nil
        case .string(let s)?:
            if let value = E(rawValue: s.trimmingCharacters(in: .whitespaces).lowercased()) { return value }
            report(field, "expected one of \(allowed), got \"\(s)\"")
        case let other?:
            report(field, "expected one of \(allowed), got \(other.kind)")
        }
        return nil
    }

    /// An absolute http(s) URL with a host and none of the characters that can end an HTML
    /// attribute or hide in one (quotes, angle brackets, backslash, backtick, whitespace).
    static func isWebURL(_ value: String) -> Bool {
        guard let u = URL(string: value), let scheme = u.scheme?.lowercased(),
            scheme == "https" || scheme == "http", u.host != nil
        else { return false }
        return TextCleaning.isPlainURLText(value) && !value.contains { "\"'<>`\\".contains($0) }
    }

    mutating func url(_ field: String) -> String? {
        // Checked before `text` cleans it: a link with hidden characters is refused, not altered.
        if case .string(let raw)? = map[field],
            !TextCleaning.isPlainURLText(raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n")))
        {
            report(field, "contains control, invisible or whitespace characters; a URL must have none")
            return nil
        }
        guard let value = text(field, max: 2000) else { return nil }
        guard Self.isWebURL(value) else {
            report(field, "expected an http(s) URL, got \"\(value)\"")
            return nil
        }
        return value
    }
}
