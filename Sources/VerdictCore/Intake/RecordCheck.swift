import Foundation

/// Reads the values of one dataset record, noting each absurd one against the record's own id.
struct RecordCheck {
    let dataset: PriceDataset
    let recordID: String
    private(set) var problems: [IntakeProblem] = []

    init(_ dataset: PriceDataset, _ recordID: String) {
        self.dataset = dataset
        self.recordID = recordID
    }

    mutating func report(_ field: String, _ message: String) {
        problems.append(IntakeProblem(dataset: dataset, recordID: recordID, field: field, message: message))
    }

    /// A price in USD: a number, zero or more. Absent or null is no price and no problem.
    mutating func price(_ value: JSONValue?, field: String) -> Decimal? {
        guard let value, value != .null else { return nil }
        guard let amount = value.decimal else {
            report(field, "expected a price (a number), got \(value.kind) \(value.canonicalText())")
            return nil
        }
        guard amount >= 0 else {
            report(field, "a price cannot be negative, got \(amount)")
            return nil
        }
        return amount
    }

    /// A whole, non-negative count of tokens. Whole numbers written as `1e6` or `8192.0` are accepted.
    mutating func count(_ value: JSONValue?, field: String) -> Int? {
        guard let value, value != .null else { return nil }
        let whole: Int?
        switch value {
        case .int(let i): whole = i
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: whole = Int(d)
        default: whole = nil
        }
        guard let whole, whole >= 0 else {
            report(field, "expected a whole number of tokens, zero or more, got \(value.canonicalText())")
            return nil
        }
        return whole
    }

    /// A date as published, "YYYY-MM-DD" or "YYYY-MM"; anything else is reported.
    mutating func date(_ value: JSONValue?, field: String) -> String? {
        guard let value, value != .null else { return nil }
        guard let text = value.text, Self.isDate(text) else {
            report(field, "expected a date YYYY-MM-DD or YYYY-MM, got \(value.canonicalText())")
            return nil
        }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard (1990...2100).contains(parts[0]), (1...12).contains(parts[1]), parts.count < 3 || (1...31).contains(parts[2]) else {
            report(field, "\(text) is not a plausible date (a year from 1990 to 2100, a real month and day)")
            return nil
        }
        return text
    }

    /// A context window: positive for models that read tokens; 0 means "not applicable" for the others.
    mutating func contextWindow(_ value: JSONValue?, field: String, category: ModelCategory) -> Int? {
        guard let size = count(value, field: field) else { return nil }
        if size > 0 { return size }
        if category.readsTokens { report(field, "a context window of 0 tokens; a model that reads text needs a positive size") }
        return nil
    }

    /// Text values of a list; other members are ignored.
    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap(\.text)
    }

    /// "YYYY-MM" or "YYYY-MM-DD", digits only.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = parts.map(\.count)
        return (widths == [4, 2] || widths == [4, 2, 2]) && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Midnight UTC of a "YYYY-MM-DD" day.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard isDate(text), parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}
