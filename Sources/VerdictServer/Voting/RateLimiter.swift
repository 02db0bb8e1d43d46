import Foundation
import NIOConcurrencyHelpers

/// A token bucket per network, in this server's memory: `count` requests per `window`
/// (newsletter subscribes per hour), refilled smoothly. The vote limits are counted in the
/// database instead (`LimitCounter`), so they hold across app servers.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let capacity: Double
    private let window: TimeInterval
    private let buckets = NIOLockedValueBox<[String: Bucket]>([:])

    init(_ count: Int, per window: TimeInterval) {
        self.capacity = Double(count)
        self.window = window
    }

    /// Takes one token; on refusal, the seconds until one is available.
    func take(_ key: String, now: Date) -> Result<Void, RetryAfter> {
        buckets.withLockedValue { buckets in
            if buckets.count > 50_000 { buckets.removeAll(keepingCapacity: true) }  // bounded memory
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
            let refill = now.timeIntervalSince(bucket.updated) * capacity / window
            bucket.tokens = min(capacity, bucket.tokens + max(0, refill))
            bucket.updated = now
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 else {
                return .failure(RetryAfter(seconds: Int(((1 - bucket.tokens) * window / capacity).rounded(.up))))
            }
            bucket.tokens -= 1
            return .success(())
        }
    }

    struct RetryAfter: Error {
        var seconds: Int
    }
}
