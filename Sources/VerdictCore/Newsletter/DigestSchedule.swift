import Foundation

/// When the weekly digest goes out: a weekday and a time, in UTC (`VERDICT_DIGEST_SCHEDULE`,
/// e.g. "mon 09:00"). The issue sent is the one of the ISO week the send time falls in.
public struct DigestSchedule: Sendable, Equatable, CustomStringConvertible {
    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public let weekday: Int
    public let hour: Int
    public let minute: Int

    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// What the setting accepts, for its error message.
    public static let expected = "off, or a weekday and a UTC time such as mon 09:00 (mon…sun, 00:00–23:59)"

    /// Parses exactly "ddd HH:MM": a three-letter weekday (any case), one space, a 24-hour
    /// time with two-digit hours and minutes. Anything else is nil.
    public init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = Self.dayNames.firstIndex(of: parts[0].lowercased()) else { return nil }
        let clock = Array(parts[1].utf8)
        guard clock.count == 5, clock[2] == UInt8(ascii: ":"),
            let h = Self.twoDigits(clock[0], clock[1]), let m = Self.twoDigits(clock[3], clock[4]),
            h < 24, m < 60
        else { return nil }
        self.init(weekday: day + 1, hour: h, minute: m)
    }

    public init(weekday: Int, hour: Int, minute: Int) {
        precondition((1...7).contains(weekday) && (0..<24).contains(hour) && (0..<60).contains(minute))
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
    }

    public var description: String {
        Self.dayNames[weekday - 1] + " " + String(format: "%02d:%02d", hour, minute)
    }

    /// The moment this schedule names in `week`.
    public func sendTime(in week: ISOWeek) -> Date {
        let offset = TimeInterval((weekday - 1) * 86_400 + hour * 3_600 + minute * 60)
        return week.interval().start.addingTimeInterval(offset)
    }

    /// The week whose issue is due at `now`: the week containing `now`, once its send time has
    /// passed; nil before it. A week in which no server ran is not sent later.
    public func dueWeek(at now: Date) -> ISOWeek? {
        let week = ISOWeek.containing(now)
        return now >= sendTime(in: week) ? week : nil
    }

    private static func twoDigits(_ a: UInt8, _ b: UInt8) -> Int? {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard digits.contains(a), digits.contains(b) else { return nil }
        return Int(a - UInt8(ascii: "0")) * 10 + Int(b - UInt8(ascii: "0"))
    }
}
