import Foundation

/// A parsed import document, independent of whether it was YAML or JSON.
///
/// Import files are validated as a tree rather than decoded straight into models, so that
/// every error can name the entry, the field and what was expected.
public indirect enum ImportValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([ImportValue])
    case map([String: ImportValue])

    /// A short description of the kind of value, for error messages.
    public var kind: String {
        switch self {
        case .null: "nothing"
        case .bool: "true/false"
        case .int, .double: "a number"
        case .string: "text"
        case .list: "a list"
        case .map: "a mapping"
        }
    }

    /// Foundation form, for handing validated values to `JSONSerialization`.
    public var foundationValue: Any {
        switch self {
        case .null: NSNull()
        case .bool(let b): b
        case .int(let i): i
        case .double(let d): d
        case .string(let s): s
        case .list(let l): l.map(\.foundationValue)
        case .map(let m): m.mapValues(\.foundationValue)
        }
    }

    /// Decodes from any `Decoder` (JSON or YAML), trying the narrowest type first so that
    /// `true` stays a boolean and `42` stays an integer.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let l = try? c.decode([ImportValue].self) {
            self = .list(l)
        } else {
            self = .map(try c.decode([String: ImportValue].self))
        }
    }
}

extension ImportValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        case .map(let m): try c.encode(m)
        }
    }
}
