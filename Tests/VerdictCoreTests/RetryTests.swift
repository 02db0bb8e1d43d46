import Foundation
import Testing

@testable import VerdictCore

@Suite("Backend faults: classification and backoff")
struct RetryTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00:00 GMT
    static let openAIQuota =
        #"{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","code":"insufficient_quota"}}"#
    static let openAIRate =
        #"{"error":{"message":"Rate limit reached for requests per min (RPM). Please try again in 120ms.","type":"requests"}}"#
    static let geminiPerMinute =
        #"{"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.","status":"RESOURCE_EXHAUSTED","details":[{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier"},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay": "15s"}]}}"#
    static let geminiPerDay =
        #"{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier"},{"retryDelay":"40s"}]}}"#

    @Test(
        "Statuses, bodies and Retry-After map to failures",
        arguments: [
            (200, "{}", nil, nil),
            (204, "", nil, nil),
            (408, "", nil, CallFailure.timeout),
            (429, openAIRate, nil, .rateLimited(retryAfter: nil)),
            (429, "", "12", .rateLimited(retryAfter: 12)),
            (429, "", "Thu, 01 Jan 2026 00:00:30 GMT", .rateLimited(retryAfter: 30)),
            (429, "", "Thursday, 01-Jan-26 00:01:00 GMT", .rateLimited(retryAfter: 60)),
            (429, "", "Wed, 31 Dec 2025 23:00:00 GMT", .rateLimited(retryAfter: 0)),
            (429, "", "soon", .rateLimited(retryAfter: nil)),
            (429, openAIQuota, nil, .quotaExhausted),
            (429, openAIQuota, "20", .quotaExhausted),
            (429, "billing hard limit reached", nil, .quotaExhausted),
            (429, geminiPerMinute, nil, .rateLimited(retryAfter: 15)),
            (429, geminiPerDay, nil, .quotaExhausted),
            (500, "boom", nil, .server(status: 500)),
            (502, "", nil, .server(status: 502)),
            (503, "", "5", .server(status: 503)),
            (400, "bad \u{200B}model", nil, .badRequest(status: 400, message: "bad model")),
            (401, "  invalid api key\n", nil, .badRequest(status: 401, message: "invalid api key")),
            (404, "", nil, .badRequest(status: 404, message: "")),
        ] as [(Int, String, String?, CallFailure?)])
    func classify(status: Int, body: String, header: String?, expected: CallFailure?) {
        #expect(CallFailure.classify(status: status, body: body, retryAfterHeader: header, now: Self.now) == expected)
    }

    @Test("An HTTP-date Retry-After is ignored without a clock, never guessed")
    func dateNeedsNow() {
        let failure = CallFailure.classify(status: 429, body: "", retryAfterHeader: "Thu, 01 Jan 2026 00:00:30 GMT")
        #expect(failure == .rateLimited(retryAfter: nil))
    }

    @Test("Quota and client errors are final; transport, rate, server and malformed output are retried")
    func retryable() {
        let retried: [CallFailure] = [
            .timeout, .connectionRefused, .rateLimited(retryAfter: nil), .rateLimited(retryAfter: 3),
            .server(status: 503), .malformed(reason: "not JSON"),
        ]
        let final: [CallFailure] = [.quotaExhausted, .badRequest(status: 400, message: ""), .badRequest(status: 401, message: "")]
        #expect(retried.allSatisfy { $0.isRetryable })
        #expect(!final.contains { $0.isRetryable })
    }

    @Test("Full jitter stays within min(cap, base·2^attempt) and actually spreads")
    func bounded() throws {
        let policy = BackoffPolicy(maxAttempts: 20)
        var rng = SeededGenerator(seed: 42)
        for attempt in 0..<12 {
            let ceiling = min(30, 0.5 * pow(2, Double(attempt)))
            let delays = try (0..<500).map { _ in try #require(policy.delay(attempt: attempt, failure: .timeout, using: &rng)) }
            #expect(delays.allSatisfy { $0 >= 0 && $0 <= ceiling })
            let mean = delays.reduce(0, +) / Double(delays.count)
            #expect(abs(mean - ceiling / 2) < ceiling * 0.1, "attempt \(attempt): mean \(mean)")
        }
    }

    @Test("A Retry-After is a floor under the jitter, capped at maxRetryAfter")
    func retryAfterFloor() throws {
        let policy = BackoffPolicy()
        var rng = SeededGenerator(seed: 7)
        for attempt in 0..<3 {
            let d = try #require(policy.delay(attempt: attempt, failure: .rateLimited(retryAfter: 5), using: &rng))
            #expect(d >= 5 && d <= max(5, 0.5 * pow(2, Double(attempt))))
        }
        #expect(policy.delay(attempt: 0, failure: .rateLimited(retryAfter: 3600), using: &rng) == 120)
    }

    @Test("No delay after maxAttempts calls, nor for a failure that is not retryable")
    func stops() {
        let policy = BackoffPolicy()
        var rng = SeededGenerator(seed: 1)
        #expect(policy.delay(attempt: 2, failure: .server(status: 502), using: &rng) != nil)
        #expect(policy.delay(attempt: 3, failure: .server(status: 502), using: &rng) == nil)
        #expect(policy.delay(attempt: 0, failure: .quotaExhausted, using: &rng) == nil)
        #expect(policy.delay(attempt: 0, failure: .badRequest(status: 400, message: "x"), using: &rng) == nil)
    }

    @Test("The same seed gives the same delays")
    func deterministic() {
        func run(_ seed: UInt64) -> [Double?] {
            var rng = SeededGenerator(seed: seed)
            return (0..<4).map { BackoffPolicy().delay(attempt: $0, failure: .timeout, using: &rng) }
        }
        #expect(run(9) == run(9))
        #expect(run(9) != run(10))
        #expect(run(9).last! == nil)
    }
}

@Suite("Backend call cost")
struct CostTests {
    @Test("Cached prompt tokens are billed at the cached rate when one is given")
    func cachedRate() {
        let usage = TokenUsage(prompt: 1_000_000, cached: 400_000, completion: 200_000)
        #expect(Pricing(inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25).cost(usage) == 4.0)
        #expect(Pricing(inputPerMTok: 2.5, outputPerMTok: 10).cost(usage) == 4.5)
    }

    @Test("Small calls, free backends, and cached counts above the prompt count")
    func edges() {
        let price = Pricing(inputPerMTok: 0.30, outputPerMTok: 2.50, cachedInputPerMTok: 0.075)
        let call = TokenUsage(prompt: 1_500, cached: 1_024, completion: 250)
        #expect(abs(price.cost(call) - (476 * 0.30 + 1_024 * 0.075 + 250 * 2.50) / 1_000_000) < 1e-15)
        #expect(Pricing.free.cost(call) == 0)
        #expect(price.cost(TokenUsage(prompt: 100, cached: 500, completion: 0)) == 100 * 0.075 / 1_000_000)
        #expect(call + .zero == call && (call + call).cached == 2_048)
    }
}
