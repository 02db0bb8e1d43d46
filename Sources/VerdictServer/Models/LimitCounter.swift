import Foundation

/// A row of `limit_counters`: how many hits `key` (such as `vote:<network>`) had in the fixed
/// window that starts at `window_start`. Every app server on the database counts in the same row.
enum LimitCounter {
    static let schema = "limit_counters"

    /// A fixed window of `length` seconds (a clock minute, a clock hour) around an instant.
    struct Window: Equatable, Sendable {
        /// Whole seconds since 1970 at which the window starts: the counter's key beside `key`.
        var start: Int
        var length: Int

        init(containing now: Date, length: Int) {
            let seconds = Int(now.timeIntervalSince1970.rounded(.down))
            self.start = seconds - ((seconds % length) + length) % length
            self.length = length
        }

        /// Whole seconds from `now` until the window ends, at least 1 (a Retry-After value).
        func secondsLeft(at now: Date) -> Int {
            max(1, Int((Double(start + length) - now.timeIntervalSince1970).rounded(.up)))
        }
    }
}
