import Fluent
import FluentSQL
import Vapor
import VerdictCore

/// Writes ship/skip votes with group commit: votes that arrive while a transaction is being
/// committed wait and go together in the next one. Every caller is answered only after the
/// transaction holding its vote has committed, so an acknowledged vote is on disk. At low load
/// each vote is its own transaction; under load one fsync covers many votes.
actor VoteWriter {
    struct Pending {
        var tool: UUID
        var voter: String
        var vote: Verdict
        var counted: Bool
        var done: CheckedContinuation<CommunityScore, any Error>
    }

    /// Upper bound on one transaction: 500 rows × 7 binds stays far below SQLite's bind limit.
    static let maxBatch = 500
    private let application: Application
    private var queue: [Pending] = []
    private var flushing = false

    init(application: Application) {
        self.application = application
    }

    /// Stores the vote and returns the tool's community numbers after the commit.
    func submit(tool: UUID, voter: String, vote: Verdict, counted: Bool) async throws -> CommunityScore {
        try await withCheckedThrowingContinuation { done in
            queue.append(Pending(tool: tool, voter: voter, vote: vote, counted: counted, done: done))
            if !flushing {
                flushing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(Self.maxBatch))
            queue.removeFirst(batch.count)
            do {
                let scores = try await Self.write(batch, at: application.dependencies.clock.now(), on: application.db)
                // Before anyone is answered: the next page read anywhere on this server shows the vote.
                await application.changes.votesChanged(Array(scores.keys))
                for p in batch { p.done.resume(returning: scores[p.tool] ?? CommunityScore(ship: 0, skip: 0)) }
            } catch {
                for p in batch { p.done.resume(throwing: error) }
            }
        }
        flushing = false
    }

    /// One transaction for the batch, then one grouped count for the tools it touched.
    static func write(_ batch: [Pending], at now: Date, on db: any Database) async throws -> [UUID: CommunityScore] {
        // The same voter twice on one tool in a batch: the later vote wins, as it would have
        // in separate transactions (and PostgreSQL refuses one statement touching a row twice).
        var latest: [String: Pending] = [:]
        for p in batch { latest["\(p.tool)|\(p.voter)"] = p }
        let unique = Array(latest.values)
        // Upserts are idempotent, so a transaction refused for contention is simply run again.
        try await db.writeTransaction { tx in
            try await VoteModel.upsert(unique.map { ($0.tool, $0.voter, $0.vote, $0.counted) }, at: now, on: tx)
            try await ToolModel.refreshRanking(unique.map(\.tool), at: now, verdictEvents: false, cause: "votes", on: tx)
        }
        return try await VoteModel.counts(forTools: Array(Set(batch.map(\.tool))), on: db)
    }
}
