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
                // Detached: the drain writes for every caller, so it takes none of this caller's
                // task-local values (a `WriteGate` already held by the caller, for one).
                Task.detached { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(maxBatch))
            queue.removeFirst(batch.count)
            do {
                let answers = try await written(batch.map(\.item))
                for (pending, answer) in zip(batch, answers) { pending.done.resume(returning: answer) }
            } catch {
                // One item the database refuses (a vote on a tool removed since) must not fail
                // the callers it happened to share a batch with: each is written alone, and only
                // the refused one is answered with its error. Writes are one statement or one
                // transaction each, so the failed batch left nothing behind.
                for pending in batch {
                    do {
                        pending.done.resume(returning: try await written([pending.item])[0])
                    } catch {
                        pending.done.resume(throwing: error)
                    }
                }
            }
        }
        flushing = false
    }

    private func written(_ items: [Item]) async throws -> [Answer] {
        let answers = try await write(items)
        guard answers.count == items.count else { throw GroupCommitError(batch: items.count, answers: answers.count) }
        return answers
    }
}

/// A batch writer answered a different number of items than it was given (a programming error).
struct GroupCommitError: Error, CustomStringConvertible {
    var batch: Int
    var answers: Int
    var description: String { "A group commit of \(batch) item(s) returned \(answers) answer(s)" }
}
