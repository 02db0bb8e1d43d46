import Vapor
import VerdictCore

/// Per-application state: configuration, the signing key, and the clock.
struct VerdictState: Sendable {
    var config: AppConfig
    /// Key for signing voter cookies; loaded by `prepareDatabase`.
    var signingKey: SymmetricKey?
    /// The current month ("YYYY-MM") as the rubric sees it; tests pin it.
    var clockMonth: @Sendable () -> String = { Clock.month(Date()) }
    /// The current time for rate limits and voter caps; tests pin it.
    var now: @Sendable () -> Date = { Date() }
}

extension Application {
    private struct Key: StorageKey {
        typealias Value = VerdictState
    }

    var verdict: VerdictState {
        get { configured(Key.self) }
        set { storage[Key.self] = newValue }
    }
}

extension Request {
    var verdict: VerdictState { application.verdict }
}

enum Clock {
    static func month(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d", c.year ?? 2026, c.month ?? 1)
    }
}
