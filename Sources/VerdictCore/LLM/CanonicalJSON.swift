import Foundation

/// A JSON value with one fixed rendering: sorted keys, two-space indent, one member per line.
///
/// Foundation's encoder spaces and escapes differently across platforms and releases; the facts
/// hash and the prompt must not change with the toolchain, so the rendering is ours.
enum CanonicalJSON: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([CanonicalJSON])
    case object([String: CanonicalJSON])

    /// Any `Encodable` as a value tree; non-finite numbers become strings so encoding cannot fail.
    static func from(_ value: some Encodable) -> CanonicalJSON {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(value),
            let tree = try? JSONDecoder().decode(CanonicalJSON.self, from: data)
        else { return .null }
        return tree
    }

    /// The same tree with `transform` applied to every string value (keys are ours and kept).
    func mapStrings(_ transform: (String) -> String) -> CanonicalJSON {
        switch self {
        case .string(let s): .string(transform(s))
        case .array(let items): .array(items.map { $0.mapStrings(transform) })
        case .object(let members): .object(members.mapValues { $0.mapStrings(transform) })
        default: self
        }
    }

    /// Pretty, sorted, deterministic text. Strings never contain a raw line break.
    func rendered(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.description
        case .string(let s): return Self.quoted(s)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let lines = items.map { inner + $0.rendered(indent: inner) }
            return "[\n" + lines.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.keys.sorted().map { key in
                inner + Self.quoted(key) + ": " + members[key]!.rendered(indent: inner)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// A JSON string literal. Line and paragraph separators are escaped too: some readers,
    /// models included, treat them as line breaks, and a line break could start a forged line.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                    || scalar.value == 0x2029 || scalar.value == 0x85
                {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension CanonicalJSON: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int.self) {
            self = .int(i)
        } else if let d = try? container.decode(Double.self) {
            self = .double(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([CanonicalJSON].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: CanonicalJSON].self))
        }
    }
}
