import Foundation

/// Where a setting's effective value came from, as `verdict config` shows it.
public enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    case defaultValue
    case environment
    /// An env file (`.env`, `.env.production`) or the `VERDICT_LLM_CONFIG` file.
    case file(String)

    public var description: String {
        switch self {
        case .defaultValue: "default"
        case .environment: "environment"
        case .file(let path): path
        }
    }
}

/// One line of `verdict config`: the value is already masked when it is secret.
public struct SettingEntry: Sendable, Equatable {
    public var name: String
    public var value: String
    public var source: SettingSource
}

/// A setting that is malformed or out of range. The message names the variable, shows the
/// value (masked when secret) and says what is allowed; it is one line.
public struct SettingsError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// How much of a value may be shown in `verdict config` and in errors.
enum Secrecy {
    case plain
    /// Never shown, not even its first characters.
    case secret
    /// A URL whose password (in `user:password@`) is masked.
    case url
}

/// Reads named values from layers (the process environment over env files), remembering
/// where each came from. Unset and empty values both mean "use the default".
struct SettingsReader {
    struct Layer {
        var source: SettingSource
        var values: [String: String]
    }

    let layers: [Layer]
    private(set) var entries: [SettingEntry] = []

    init(layers: [Layer]) {
        self.layers = layers
    }

    func raw(_ name: String) -> (value: String, source: SettingSource)? {
        for layer in layers {
            if let value = layer.values[name], !value.trimmingCharacters(in: .whitespaces).isEmpty {
                return (value, layer.source)
            }
        }
        return nil
    }

    /// Reads `name`: unset gives `fallback`; a value `parse` refuses (returns nil for) is an
    /// error naming the variable, the (masked) value and `expected`.
    mutating func read<T>(
        _ name: String, default fallback: T, expected: String, secrecy: Secrecy = .plain,
        show: (T) -> String, parse: (String) -> T?
    ) throws -> T {
        guard let (raw, source) = raw(name) else {
            note(name, show(fallback), .defaultValue)
            return fallback
        }
        return try parsed(name, raw, source, expected, secrecy, show, parse)
    }

    /// Reads a setting without a default value: unset gives nil, noted as `unset`. Apart from
    /// `read` so that "unset" and "refused" can never both be a nil.
    mutating func readOptional<T>(
        _ name: String, unset: String, expected: String, secrecy: Secrecy = .plain,
        show: (T) -> String = { "\($0)" }, parse: (String) -> T?
    ) throws -> T? {
        guard let (raw, source) = raw(name) else {
            note(name, unset, .defaultValue)
            return nil
        }
        return try parsed(name, raw, source, expected, secrecy, show, parse)
    }

    private mutating func parsed<T>(
        _ name: String, _ raw: String, _ source: SettingSource, _ expected: String, _ secrecy: Secrecy,
        _ show: (T) -> String, _ parse: (String) -> T?
    ) throws -> T {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let value = parse(text) else {
            throw SettingsError("\(name)=\(Self.shown(text, secrecy)) (\(source)) is not allowed: expected \(expected)")
        }
        note(name, secrecy == .secret ? "set (hidden)" : show(value), source)
        return value
    }

    /// Records a line for `verdict config` that `read` did not (a derived or file value).
    mutating func note(_ name: String, _ value: String, _ source: SettingSource) {
        entries.append(SettingEntry(name: name, value: value, source: source))
    }

    /// A value as an error may show it: quoted, on one line, at most 80 characters, and
    /// without a secret.
    static func shown(_ text: String, _ secrecy: Secrecy) -> String {
        switch secrecy {
        case .secret: return "(hidden, \(text.utf8.count) bytes)"
        case .url: return quoted(maskingPassword(text))
        case .plain: return quoted(text)
        }
    }

    static func quoted(_ text: String) -> String {
        let oneLine = text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : String($0) }.joined()
        return "'" + (oneLine.count > 80 ? oneLine.prefix(77) + "..." : oneLine) + "'"
    }

    /// Replaces the password of `scheme://user:password@host…` with `***`. The password runs
    /// to the last `@`, so one holding an unencoded `@` or `/` is masked whole too.
    static func maskingPassword(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://"), let at = url.range(of: "@", options: .backwards),
            at.lowerBound > schemeEnd.upperBound
        else { return url }
        let userInfo = url[schemeEnd.upperBound..<at.lowerBound]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at.lowerBound...])
    }
}

/// Parsers shared by the settings: each returns nil for a value it refuses.
enum SettingParse {
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "yes", "on": true
        case "0", "false", "no", "off": false
        default: nil
        }
    }

    static let boolExpected = "1/0, true/false, yes/no or on/off"

    static func int(in range: ClosedRange<Int>) -> (String) -> Int? {
        { text in Int(text).flatMap { range.contains($0) ? $0 : nil } }
    }

    static func intExpected(_ range: ClosedRange<Int>) -> String {
        "a whole number from \(range.lowerBound) to \(range.upperBound)"
    }

    static func double(in range: ClosedRange<Double>) -> (String) -> Double? {
        { text in Double(text).flatMap { $0.isFinite && range.contains($0) ? $0 : nil } }
    }

    /// An http(s) URL with a host; with `originOnly`, nothing after the port but one `/`.
    static func httpURL(originOnly: Bool) -> (String) -> String? {
        { text in
            guard let c = URLComponents(string: text), let scheme = c.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = c.host, !host.isEmpty,
                c.user == nil, c.password == nil
            else { return nil }
            if originOnly {
                guard c.path.isEmpty || c.path == "/", c.query == nil, c.fragment == nil else { return nil }
                return text.trimmingSuffix("/")
            }
            return text
        }
    }
}
