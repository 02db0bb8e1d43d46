import NIOConcurrencyHelpers
import Testing

@testable import VerdictServer

@Suite("Group commit: batches under load, and one refused item fails only its caller")
struct GroupCommitTests {
    struct Refused: Error {}

    @Test("Items queued during a write go together; a refused item fails alone, the rest are written once")
    func refusedItemFailsAlone() async throws {
        let written = NIOLockedValueBox<[[Int]]>([])
        let commit = GroupCommit<Int, Int>(maxBatch: 100) { batch in
            try await Task.sleep(for: .milliseconds(20))  // a slow commit, so the others queue
            if batch.contains(13) { throw Refused() }  // the whole batch rolls back
            written.withLockedValue { $0.append(batch) }
            return batch.map { $0 * 2 }
        }
        func wave(_ items: ClosedRange<Int>) async -> [Int: Int?] {
            await withTaskGroup(of: (Int, Int?).self) { group in
                for item in items { group.addTask { (item, try? await commit.submit(item)) } }
                var out: [Int: Int?] = [:]
                for await (item, answer) in group { out[item] = answer }
                return out
            }
        }
        // With 13 among them: its batch fails, then each of that batch is written alone.
        let first = await wave(1...30)
        for item in 1...30 { #expect(first[item]! == (item == 13 ? nil : item * 2)) }
        // Without: they go in batches.
        let second = await wave(31...60)
        for item in 31...60 { #expect(second[item]! == item * 2) }
        let batches = written.withLockedValue { $0 }
        #expect(batches.flatMap { $0 }.sorted() == Array(1...60).filter { $0 != 13 })  // each once
        #expect(batches.contains { $0.count > 1 })
    }

    @Test("The write gate runs one body at a time, lets a nested write through, opens after a failure, and is open on PostgreSQL")
    func writeGate() async throws {
        let gate = WriteGate(enabled: true)
        let (most, ran) = try await Self.overlap(gate, tasks: 40, hold: .milliseconds(1), nested: true)
        #expect(most == 1)
        #expect(ran.sorted() == Array(0..<40))
        // A body that throws opens the gate behind it.
        struct Failed: Error {}
        await #expect(throws: Failed.self) { try await gate.run { throw Failed() } }
        #expect(try await gate.run { 7 } == 7)
        // Open (PostgreSQL): bodies run side by side.
        #expect(try await Self.overlap(WriteGate(enabled: false), tasks: 8, hold: .milliseconds(20), nested: false).most > 1)
    }

    /// Runs `tasks` bodies through `gate` at once, each holding it for `hold` (and, with `nested`,
    /// writing through the gate again inside); returns how many ran at the same time at most, and
    /// which ran.
    private static func overlap(_ gate: WriteGate, tasks: Int, hold: Duration, nested: Bool) async throws -> (most: Int, ran: [Int]) {
        let log = NIOLockedValueBox<(running: Int, most: Int, ran: [Int])>((0, 0, []))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<tasks {
                group.addTask {
                    try await gate.run {
                        log.withLockedValue { l in
                            l.running += 1
                            l.most = max(l.most, l.running)
                            l.ran.append(i)
                        }
                        try await Task.sleep(for: hold)
                        // A write inside a gated write (the same task) does not wait for itself.
                        if nested { try await gate.run { try await Task.sleep(for: .microseconds(100)) } }
                        log.withLockedValue { $0.running -= 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        return log.withLockedValue { ($0.most, $0.ran) }
    }
}
