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
}
