import Foundation

extension JSONValue {
    /// The number as an exact decimal, or nil for anything that is not a number.
    ///
    /// JSON numbers arrive as `Double`; `Double.description` is the shortest text that reads back
    /// as the same double, which is the file's own literal whenever it has at most 15 significant
    /// digits (two such literals never share a double). Prices in the public datasets do, so
    /// `0.0000003` per token becomes exactly `0.0000003`, never `2.9999999999999997e-07`.
    public var decimal: Decimal? {
        switch self {
        case .int(let i): return Decimal(i)
        case .double(let d) where d.isFinite: return Decimal(string: d.description, locale: Locale(identifier: "en_US_POSIX"))
        default: return nil
        }
    }

    /// The members of a mapping, or nil for anything else.
    public var members: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of a boolean, or nil for anything else.
    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The text of a string value, or nil for anything else.
    public var text: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
