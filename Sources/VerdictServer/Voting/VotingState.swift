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
    let writer: VoteWriter

    init(limits: VoteLimits, application: Application) {
        limiter = RateLimiter(perMinute: limits.votesPerNetworkPerMinute)
        writer = VoteWriter(application: application)
    }
}

extension Application {
    private struct VotingKey: StorageKey {
        typealias Value = VotingState
    }

    var votingState: VotingState {
        get {
            guard let state = storage[VotingKey.self] else { fatalError("configure(_:config:) was not called") }
            return state
        }
        set { storage[VotingKey.self] = newValue }
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
