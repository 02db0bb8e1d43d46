import Foundation

// The cost cross-check's independent reader of the models.dev text (CostCrossCheckTests).

/// One models.dev record's prices, USD per 1M tokens, as the file writes them.
struct RecordCost {
    var id: String
    var provider: String
    var input: Decimal
    var output: Decimal
    var cacheRead: Decimal?
    /// The record has a long-context price (`tiers` or `context_over_200k`).
    var tiered: Bool
    /// Some base price is above $0.
    var anyPaid: Bool

    init(_ raw: RawJSON, _ cost: Range<Int>, id: String) throws {
        self.id = id
        provider = String(id.prefix { $0 != "/" })
        let members = try raw.members(cost)
        var numbers: [String: Decimal] = [:]
        for m in members where m.key != "tiers" && m.key != "context_over_200k" {
            let text = raw.text(m.value)
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), "\(value)" != "NaN" else {
                throw CrossCheckError("\(id): cost.\(m.key) is not a number: \(text)")
            }
            numbers[m.key] = value
        }
        // Other spellings of the cached price would need their own reading: the chosen records have none.
        let known: Set<String> = ["input", "output", "cache_read", "cache_write", "reasoning", "input_audio"]
        guard Set(numbers.keys).isSubset(of: known), let input = numbers["input"], let output = numbers["output"] else {
            throw CrossCheckError("\(id): unexpected cost keys \(numbers.keys.sorted())")
        }
        (self.input, self.output, cacheRead) = (input, output, numbers["cache_read"])
        tiered = members.contains { $0.key == "tiers" || $0.key == "context_over_200k" }
        anyPaid = numbers.values.contains { $0 > 0 }
    }

    /// USD for the month at the base prices.
    func total(_ month: CostCrossCheckTests.Month) -> Decimal {
        let million = Decimal(1_000_000)
        let uncached = Decimal(month.input - month.cached) * input / million
        let cached = Decimal(month.cached) * (cacheRead ?? input) / million
        return uncached + cached + Decimal(month.output) * output / million
    }
}

struct CrossCheckError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The smallest JSON reader that keeps every value's own text: members of an object as byte
/// ranges of the file, so a price is read from its literal (`0.39999999999999997`), never
/// through a `Double`, and a model's record can be copied into a smaller file unchanged.
struct RawJSON {
    let bytes: [UInt8]
    let root: Range<Int>

    init(_ data: Data) throws {
        bytes = [UInt8](data)
        var i = 0
        Self.skipSpace(bytes, &i)
        let start = i
        let end = try Self.valueEnd(bytes, start)
        root = start..<end
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// `"text"` as a JSON string.
    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// The members of the object at `range`, in file order: key, the key's text, the value's range.
    func members(_ range: Range<Int>) throws -> [(key: String, keyText: String, value: Range<Int>)] {
        var i = range.lowerBound
        guard i < range.upperBound, bytes[i] == UInt8(ascii: "{") else { throw CrossCheckError("expected an object at byte \(i)") }
        i += 1
        var out: [(key: String, keyText: String, value: Range<Int>)] = []
        Self.skipSpace(bytes, &i)
        if bytes[i] == UInt8(ascii: "}") { return out }
        while true {
            Self.skipSpace(bytes, &i)
            let keyStart = i
            let keyEnd = try Self.valueEnd(bytes, keyStart)
            guard bytes[keyStart] == UInt8(ascii: "\"") else { throw CrossCheckError("expected a key at byte \(keyStart)") }
            let keyText = text(keyStart..<keyEnd)
            let key = try JSONDecoder().decode(String.self, from: Data(keyText.utf8))
            i = keyEnd
            Self.skipSpace(bytes, &i)
            guard bytes[i] == UInt8(ascii: ":") else { throw CrossCheckError("expected ':' at byte \(i)") }
            i += 1
            Self.skipSpace(bytes, &i)
            let valueStart = i
            i = try Self.valueEnd(bytes, valueStart)
            out.append((key, keyText, valueStart..<i))
            Self.skipSpace(bytes, &i)
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard bytes[i] == UInt8(ascii: "}") else { throw CrossCheckError("expected ',' or '}' at byte \(i)") }
            return out
        }
    }

    static func skipSpace(_ b: [UInt8], _ i: inout Int) {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    /// Where the value starting at `start` ends (exclusive).
    static func valueEnd(_ b: [UInt8], _ start: Int) throws -> Int {
        var i = start
        guard i < b.count else { throw CrossCheckError("unexpected end of file") }
        switch b[i] {
        case UInt8(ascii: "\""):
            i += 1
            while i < b.count {
                if b[i] == UInt8(ascii: "\\") {
                    i += 2
                } else if b[i] == UInt8(ascii: "\"") {
                    return i + 1
                } else {
                    i += 1
                }
            }
            throw CrossCheckError("unterminated string at byte \(start)")
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: "\""):
                    i = try valueEnd(b, i)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            throw CrossCheckError("unterminated value at byte \(start)")
        default:
            while i < b.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(b[i]) { i += 1 }
            return i
        }
    }
}
