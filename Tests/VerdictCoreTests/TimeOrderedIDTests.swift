import Foundation
import Testing

@testable import VerdictCore

@Suite("Time-ordered ids (UUID version 7)")
struct TimeOrderedIDTests {
    @Test("The first 48 bits are the Unix time in milliseconds; version 7 and the RFC variant are set")
    func layout() throws {
        var random = SystemRandomNumberGenerator()
        let date = Date(timeIntervalSince1970: 1_796_428_800.123)  // 2026-12-05, and 123 ms
        let id = UUID.timeOrdered(at: date, using: &random)
        let b = id.uuid
        let milliseconds = [b.0, b.1, b.2, b.3, b.4, b.5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(milliseconds == 1_796_428_800_123)
        #expect(b.6 >> 4 == 7)
        #expect(b.8 >> 6 == 0b10)
        #expect(UUID(uuidString: id.uuidString) == id)
        #expect(id.uuidString.lowercased().dropFirst(14).first == "7")
    }

    @Test("Ids of later milliseconds sort after earlier ones as text, as stored; ids of one millisecond differ")
    func order() {
        var random = SystemRandomNumberGenerator()
        let start = Date(timeIntervalSince1970: 1_796_428_800)
        // Half a millisecond past each millisecond: a Date is a Double, and x.002 s may be x.00199….
        let later = (0..<500).map {
            UUID.timeOrdered(at: start.addingTimeInterval((Double($0) + 0.5) / 1000), using: &random).uuidString.lowercased()
        }
        #expect(zip(later, later.dropFirst()).allSatisfy { $0 < $1 })
        let same = Set((0..<1_000).map { _ in UUID.timeOrdered(at: start, using: &random) })
        #expect(same.count == 1_000)
    }
}
