/// Group commit: items submitted while a batch is being written wait and go together in the
/// next batch, and every caller is answered only after the batch holding its item has been
/// written. At low load each item is its own batch; under load one commit (one fsync on SQLite)
/// covers many. Used for ship/skip votes (`VoteWriter`) and the vote limits' counters.
actor GroupCommit<Item: Sendable, Answer: Sendable> {
    /// Writes a batch and returns one answer per item, in the batch's order.
    typealias Write = @Sendable ([Item]) async throws -> [Answer]

    private struct Pending {
        var item: Item
        var done: CheckedContinuation<Answer, any Error>
    }

    private let maxBatch: Int
    private let write: Write
    private var queue: [Pending] = []
    private var flushing = false

    init(maxBatch: Int, write: @escaping Write) {
        self.maxBatch = maxBatch
        self.write = write
    }

    /// Queues `item` and returns its answer once the batch holding it is written.
    func submit(_ item: Item) async throws -> Answer {
        try await withCheckedThrowingContinuation { done in
            queue.append(Pending(item: item, done: done))
            if !flushing {
                flushing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(maxBatch))
            queue.removeFirst(batch.count)
            do {
                let answers = try await write(batch.map(\.item))
                guard answers.count == batch.count else { throw GroupCommitError(batch: batch.count, answers: answers.count) }
                for (pending, answer) in zip(batch, answers) { pending.done.resume(returning: answer) }
            } catch {
                for pending in batch { pending.done.resume(throwing: error) }
            }
        }
        flushing = false
    }
}

/// A batch writer answered a different number of items than it was given (a programming error).
struct GroupCommitError: Error, CustomStringConvertible {
    var batch: Int
    var answers: Int
    var description: String { "A group commit of \(batch) item(s) returned \(answers) answer(s)" }
}
