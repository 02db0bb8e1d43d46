import NIOConcurrencyHelpers
import Vapor
import VerdictCore

/// The voting machinery one app server holds: caches and the vote writer. The vote limits are
/// counted in the database (`LimitCounter`), so they hold across servers.
final class VotingState: Sendable {
    /// Whether a voter's votes count; never changes once recorded, so it can be cached.
    let counted = NIOLockedValueBox<[String: Bool]>([:])
    /// Networks the database refused a vote, with the start of that minute window: for the rest
    /// of the minute their votes are refused without a database write. A window's count only
    /// grows, so this repeats the database's answer and never lets more through than it would.
    let refusedInWindow = NIOLockedValueBox<[String: Int]>([:])
    /// Tool ids by slug: slugs never change once a tool exists, so a vote need not load the tool.
    let toolIDs = NIOLockedValueBox<[String: UUID]>([:])
    /// Cookie values already verified, and the voter each names: a signature checks out once.
    let verifiedCookies = BoundedCache<String, String>(limit: 100_000)
    /// Network hashes by (day, peer, forwarded-for): parsing and HMAC once per client and day.
    let networks = BoundedCache<String, String>(limit: 100_000)
    /// Votes, group-committed.
    let writer: GroupCommit<VoteWriter.Vote, CommunityScore>
    /// The vote limits' counter hits of concurrent votes, group-committed: one statement and one
    /// commit for a batch instead of one each.
    let counters: GroupCommit<[LimitCounter.Hit], [String: Int]>
    /// New voters of concurrent first votes, group-committed: one insert for a batch.
    let voters: GroupCommit<VoterModel.NewVoter, Bool>
    /// The voting writes above, and head-to-head picks, take turns here on SQLite instead of
    /// meeting in its busy handler.
    let writes: WriteGate

    init(application: Application) {
        let writes = WriteGate(enabled: application.settings.database.isSQLite)
        self.writes = writes
        writer = VoteWriter.committer(application, gate: writes)
        counters = GroupCommit(maxBatch: 500) { batch in
            try await writes.run { try await LimitCounter.increment(batches: batch, on: application.db) }
        }
        voters = GroupCommit(maxBatch: 500) { batch in try await writes.run { try await VoterModel.record(batch, on: application.db) } }
    }
}

extension Application {
    var votingState: VotingState {
        get { configured() }
        set { configure(newValue) }
    }
}

/// A dictionary behind a lock that forgets everything when it grows past `limit`: enough for
/// memoising pure functions of request data without unbounded memory.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let box = NIOLockedValueBox<[Key: Value]>([:])
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func value(for key: Key, orMake make: () -> Value?) -> Value? {
        if let hit = box.withLockedValue({ $0[key] }) { return hit }
        guard let made = make() else { return nil }
        box.withLockedValue { d in
            if d.count >= limit { d.removeAll(keepingCapacity: true) }
            d[key] = made
        }
        return made
    }
}
