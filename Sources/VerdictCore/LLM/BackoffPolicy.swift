import Foundation

/// Exponential backoff with full jitter, honouring Retry-After; randomness comes in, so tests pin it.
public struct BackoffPolicy: Sendable, Hashable {
    public var base: Double
    public var factor: Double
    public var cap: Double
    /// Calls in all, the first included.
    public var maxAttempts: Int
    /// The longest Retry-After honoured; a longer one is waited out only this long.
    public var maxRetryAfter: Double

    public init(base: Double = 0.5, factor: Double = 2, cap: Double = 30, maxAttempts: Int = 4, maxRetryAfter: Double = 120) {
        self.base = base
        self.factor = factor
        self.cap = cap
        self.maxAttempts = maxAttempts
        self.maxRetryAfter = maxRetryAfter
    }

    /// Seconds to wait after call number `attempt` (0 for the first call) failed with `failure`,
    /// or nil to stop: the failure is not retryable or no attempts are left. Full jitter draws
    /// uniformly from 0…min(cap, base·factorᵃᵗᵗᵉᵐᵖᵗ); a Retry-After is a floor under that draw.
    public func delay(attempt: Int, failure: CallFailure, using rng: inout some RandomNumberGenerator) -> Double? {
        guard failure.isRetryable, attempt >= 0, attempt + 1 < maxAttempts else { return nil }
        let ceiling = min(cap, base * pow(factor, Double(attempt)))
        // 53 random bits as a fraction in [0, 1]: our arithmetic, so a toolchain cannot change it.
        let jittered = ceiling * Double(rng.next() >> 11) / Double((1 as UInt64) << 53 - 1)
        guard case .rateLimited(let retryAfter?) = failure else { return jittered }
        return max(jittered, min(retryAfter, maxRetryAfter))
    }
}
