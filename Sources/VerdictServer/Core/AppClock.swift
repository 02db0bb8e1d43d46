import Foundation

/// The wall clock, injected through `AppDependencies` so tests pin "now" (and with it the
/// rubric's month). The one place in the server that reads the system time.
struct AppClock: Sendable {
    var now: @Sendable () -> Date

    static let system = AppClock { Date() }

    static func fixed(_ date: Date) -> AppClock { AppClock { date } }

    /// The current month ("YYYY-MM", UTC) as the rubric sees it.
    func month() -> String { Self.month(now()) }

    static func month(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d", c.year ?? 2026, c.month ?? 1)
    }
}
