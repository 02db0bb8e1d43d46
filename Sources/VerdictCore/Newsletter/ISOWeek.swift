import Foundation

/// An ISO 8601 week such as "2026-W48": Monday 00:00 UTC to the next Monday, one digest each.
public struct ISOWeek: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The ISO week-numbering year, which differs from the calendar year around New Year.
    public let year: Int
    /// 1 through 52, or 53 in long years.
    public let week: Int

    /// Nil unless `week` exists in `year` (week 53 only in years whose 28 December falls in it).
    public init?(year: Int, week: Int) {
        guard (1...9999).contains(year), week >= 1, week <= ISOWeek.weeks(in: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// Parses exactly "YYYY-Www" (e.g. "2026-W48"); a lowercase "w" is accepted, nothing else is.
    public init?(_ text: String) {
        let chars = Array(text.utf8)
        guard chars.count == 8, chars[4] == UInt8(ascii: "-"),
            chars[5] == UInt8(ascii: "W") || chars[5] == UInt8(ascii: "w"),
            let y = ISOWeek.digits(chars[0..<4]), let w = ISOWeek.digits(chars[6..<8])
        else { return nil }
        self.init(year: y, week: w)
    }

    public var description: String {
        let y = String(year)
        let w = String(week)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-W" + (w.count == 1 ? "0" : "") + w
    }

    /// Monday 00:00 UTC of this week, and the following Monday 00:00 UTC (exclusive end).
    public func interval() -> (start: Date, end: Date) {
        let cal = ISOWeek.calendar
        var parts = DateComponents()
        parts.yearForWeekOfYear = year
        parts.weekOfYear = week
        parts.weekday = 2  // Monday
        parts.hour = 0
        let start = cal.date(from: parts)!
        return (start, cal.date(byAdding: .day, value: 7, to: start)!)
    }

    /// The week (in UTC) that contains `date`.
    public static func containing(_ date: Date) -> ISOWeek {
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return ISOWeek(uncheckedYear: parts.yearForWeekOfYear!, week: parts.weekOfYear!)
    }

    /// The week before this one; used to compare a digest against the previous issue.
    public var previous: ISOWeek { ISOWeek.containing(interval().start.addingTimeInterval(-1)) }

    public static func < (l: ISOWeek, r: ISOWeek) -> Bool {
        (l.year, l.week) < (r.year, r.week)
    }

    /// 52 or 53: a year is long when 28 December (always in the year's last week) is in week 53.
    static func weeks(in year: Int) -> Int {
        var parts = DateComponents()
        (parts.year, parts.month, parts.day, parts.hour) = (year, 12, 28, 12)
        guard let dec28 = calendar.date(from: parts) else { return 52 }
        return calendar.component(.weekOfYear, from: dec28)
    }

    private init(uncheckedYear: Int, week: Int) {
        self.year = uncheckedYear
        self.week = week
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for b in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) else { return nil }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        return n
    }

    /// ISO 8601 rules spelled out, so the result does not depend on the platform's defaults.
    static let calendar: Calendar = {
        var cal = Calendar(identifier: .iso8601)
        cal.timeZone = TimeZone(identifier: "UTC")!
        cal.firstWeekday = 2
        cal.minimumDaysInFirstWeek = 4
        cal.locale = Locale(identifier: "en_US_POSIX")
        return cal
    }()
}
