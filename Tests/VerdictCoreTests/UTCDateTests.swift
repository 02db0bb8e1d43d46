import Foundation
import Testing

@testable import VerdictCore

@Suite("UTC dates written without a formatter")
struct UTCDateTests {
    @Test("Day, date-time and RFC 3339 text agree with Foundation's ISO 8601 formatter across centuries")
    func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        var generator = SystemRandomNumberGenerator()
        // Leap days, the ends of years, before 1970 and far ahead, then random instants.
        let fixed: [TimeInterval] = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_399, -2_208_988_800, 1_798_761_599.999]
        let random = (0..<2_000).map { _ in TimeInterval(Int.random(in: -2_208_988_800...7_258_118_400, using: &generator)) }
        for seconds in fixed + random {
            let date = Date(timeIntervalSince1970: seconds)
            let expected = formatter.string(from: date)
            #expect(UTCDate.internet(date) == expected)
            #expect(UTCDate.day(date) == String(expected.prefix(10)))
            #expect(UTCDate.dateTime(date) == expected.prefix(10) + " " + expected.dropFirst(11).prefix(8))
        }
    }
}
