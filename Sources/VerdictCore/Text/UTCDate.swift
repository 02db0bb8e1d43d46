import Foundation

/// Dates as UTC text, worked out with integer arithmetic: a page render writes dozens of them,
/// and each `ISO8601DateFormatter` or `Calendar` built for one costs more than the rest of the
/// section it appears in.
public enum UTCDate {
    /// "2026-12-03".
    public static func day(_ date: Date) -> String {
        let (y, m, d, _) = parts(date)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// "2026-12-03 14:05:09".
    public static func dateTime(_ date: Date) -> String {
        day(date) + " " + clock(parts(date).seconds)
    }

    /// "2026-12-03T14:05:09Z": RFC 3339, as feeds and APIs write it.
    public static func internet(_ date: Date) -> String {
        day(date) + "T" + clock(parts(date).seconds) + "Z"
    }

    /// Whole UTC days since 1970-01-01 (the day of `date`, as a number).
    public static func dayNumber(_ date: Date) -> Int {
        floorDiv(Int(date.timeIntervalSince1970.rounded(.down)), 86_400)
    }

    /// Year, month, day and second of the day (whole seconds, rounded down).
    static func parts(_ date: Date) -> (year: Int, month: Int, day: Int, seconds: Int) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = dayNumber(date)
        let seconds = total - days * 86_400
        // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "civil_from_days").
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, seconds)
    }

    private static func clock(_ seconds: Int) -> String {
        pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
