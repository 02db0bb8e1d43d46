import Fluent
import FluentSQL
import Vapor
import VerdictCore

/// Writes ship/skip votes with group commit (`GroupCommit`): votes that arrive while a
/// transaction is being committed go together in the next one, and every voter is answered
/// only after the transaction holding their vote has committed, so an acknowledged vote is on
/// disk.
enum VoteWriter {
    struct Vote: Sendable {
        var tool: UUID
        var voter: String
        var vote: Verdict
        var counted: Bool
        /// The voter, when this is their first vote: stored in the vote's transaction.
        var newVoter: VoterModel.NewVoter? = nil
    }

    /// Upper bound on one transaction: 500 rows × 7 binds stays far below SQLite's bind limit.
    static let maxBatch = 500

    /// The application's vote writer: each answer is the voted tool's community numbers after
    /// the commit.
    static func committer(_ application: Application, gate: WriteGate) -> GroupCommit<Vote, CommunityScore> {
        GroupCommit(maxBatch: maxBatch) { batch in
            let scores = try await gate.run { try await write(batch, at: application.dependencies.clock.now(), on: application.db) }
            // Before anyone is answered: the next page read anywhere on this server shows the vote.
            await application.changes.votesChanged(Array(Set(batch.map(\.tool))))
            return batch.map { scores[$0.tool] ?? CommunityScore(ship: 0, skip: 0) }
        }
    }

    /// One transaction for the batch; returns the touched tools' community numbers after it.
    static func write(_ batch: [Vote], at now: Date, on db: any Database) async throws -> [UUID: CommunityScore] {
        // The same voter twice on one tool in a batch: the later vote wins, as it would have
        // in separate transactions (and PostgreSQL refuses one statement touching a row twice).
        var latest: [String: Vote] = [:]
        for v in batch { latest["\(v.tool)|\(v.voter)"] = v }
        let unique = Array(latest.values)
        // Upserts are idempotent, so a transaction refused for contention is simply run again. The
        // answer is the numbers the ranking was refreshed with, read after the upsert.
        let rows = unique.map { (tool: $0.tool, voter: $0.voter, vote: $0.vote, counted: $0.counted) }
        let newVoters = batch.compactMap(\.newVoter)
        return try await db.writeTransaction { tx in
            if !newVoters.isEmpty { _ = try await VoterModel.record(newVoters, on: tx) }
            // The tools' rows first (PostgreSQL; SQLite's write lock already serialises), so
            // the votes read here are still the stored ones when the tallies change by them.
            try await ToolModel.lockRows(rows.map(\.tool), on: tx)
            let before = try await VoteModel.stored(rows.map { VoteModel.Key(tool: $0.tool, voter: $0.voter) }, on: tx)
            try await VoteModel.upsert(rows, at: now, on: tx)
            try await VoteTally.apply(VoteTally.deltas(rows, before: before), on: tx)
            return try await ToolModel.refreshRanking(unique.map(\.tool), at: now, verdictEvents: false, cause: "votes", on: tx)
        }
    }
}
