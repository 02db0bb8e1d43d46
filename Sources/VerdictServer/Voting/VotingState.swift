import NIOConcurrencyHelpers
import Vapor

/// The voting machinery one app server holds: rate limiter, voter cache, mint lock, writer.
final class VotingState: Sendable {
    let limiter: RateLimiter
    /// Whether a voter's votes count; never changes once recorded, so it can be cached.
    let counted = NIOLockedValueBox<[String: Bool]>([:])
    let mintLock = SerialLock()
    /// Tool ids by slug: slugs never change once a tool exists, so a vote need not load the tool.
    let toolIDs = NIOLockedValueBox<[String: UUID]>([:])
    /// Cookie values already verified, and the voter each names: a signature checks out once.
    let verifiedCookies = BoundedCache<String, String>(limit: 100_000)
    /// Network hashes by (day, peer, forwarded-for): parsing and HMAC once per client and day.
    let networks = BoundedCache<String, String>(limit: 100_000)
    let writer: VoteWriter

    init(limits: VoteLimits, application: Application) {
        limiter = RateLimiter(perMinute: limits.votesPerNetworkPerMinute)
        writer = VoteWriter(application: application)
    }
}

extension Application {
    var votingState: VotingState {
        get { configured() }
        set { configure(newValue) }
    }
}

/// Runs async work one at a time, in arrival order (minting voters must count, then insert).
actor SerialLock {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        }
        busy = true
        defer {
            if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
        }
        return try await work()
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
