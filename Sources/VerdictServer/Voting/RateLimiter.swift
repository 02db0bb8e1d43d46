import Foundation
import NIOConcurrencyHelpers

/// A token bucket per network, in this server's memory: `perMinute` votes, refilled smoothly.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let perMinute: Double
    private let buckets = NIOLockedValueBox<[String: Bucket]>([:])

    init(perMinute: Int) {
        self.perMinute = Double(perMinute)
    }

    /// Takes one token; on refusal, the seconds until one is available.
    func take(_ key: String, now: Date) -> Result<Void, RetryAfter> {
        buckets.withLockedValue { buckets in
            if buckets.count > 50_000 { buckets.removeAll(keepingCapacity: true) }  // bounded memory
            var bucket = buckets[key] ?? Bucket(tokens: perMinute, updated: now)
            let refill = now.timeIntervalSince(bucket.updated) * perMinute / 60
            bucket.tokens = min(perMinute, bucket.tokens + max(0, refill))
            bucket.updated = now
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 else {
                return .failure(RetryAfter(seconds: Int(((1 - bucket.tokens) * 60 / perMinute).rounded(.up))))
            }
            bucket.tokens -= 1
            return .success(())
        }
    }

    struct RetryAfter: Error {
        var seconds: Int
    }
}
