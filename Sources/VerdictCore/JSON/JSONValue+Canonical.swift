import Foundation

/// One fixed rendering of a JSON value: sorted keys, two-space indent, one member per line.
///
/// Foundation's encoder spaces and escapes differently across platforms and releases; the facts
/// hash and the prompt must not change with the toolchain, so the rendering is ours. Stored facts
/// hashes decide whether a model take is re-billed: a change here re-bills every take.
extension JSONValue {
    /// Any `Encodable` as a value tree; non-finite numbers become strings so encoding cannot fail.
    init(encoding value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(value),
            let tree = try? JSONDecoder().decode(JSONValue.self, from: data)
        else {
            self = .null
            return
        }
        self = tree
    }

    /// The same tree with `transform` applied to every string value (keys are ours and kept).
    func mapStrings(_ transform: (String) -> String) -> JSONValue {
        switch self {
        case .string(let s): .string(transform(s))
        case .array(let items): .array(items.map { $0.mapStrings(transform) })
        case .object(let members): .object(members.mapValues { $0.mapStrings(transform) })
        default: self
        }
    }

    /// Pretty, sorted, deterministic text. Strings never contain a raw line break.
    func canonicalText(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.description
        case .string(let s): return Self.quoted(s)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let lines = items.map { inner + $0.canonicalText(indent: inner) }
            return "[\n" + lines.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.keys.sorted().map { key in
                inner + Self.quoted(key) + ": " + members[key]!.canonicalText(indent: inner)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// A JSON string literal. Line and paragraph separators are escaped too: some readers,
    /// models included, treat them as line breaks, and a line break could start a forged line.
    static func quoted(_ text: String) -> String {
        // Over UTF-8 bytes: every character escaped here is ASCII or starts with 0xC2 (U+0080 to
        // U+009F) or 0xE2 0x80 (U+2028, U+2029), and the rest is copied as it is.
        let bytes = Array(text.utf8)
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(bytes.count + 2)
        func escaped(_ value: UInt32) {
            let hex = String(value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case 0..<0x20, 0x7F: escaped(UInt32(byte))
            case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]):
                escaped(UInt32(bytes[i + 1]))
                i += 1
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escaped(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                i += 2
            default: out.append(byte)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
