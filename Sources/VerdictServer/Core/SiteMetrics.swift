import Metrics
import Prometheus
import VerdictCore

/// The counters Verdict reports besides Vapor's own request counts and latencies; `/metrics`
/// shows them in Prometheus format.
enum SiteMetrics {
    /// What happened to one request for a cached page, or to cached pages when data changed.
    enum PageCacheEvent: String, Sendable, CaseIterable {
        case hit, miss
        case notModified = "not_modified"
        case invalidation
    }

    static func pageCache(_ event: PageCacheEvent, count: Int = 1) {
        guard count > 0 else { return }
        pageCacheCounters[event]?.increment(by: Int64(count))
    }

    /// The same events for the data pages are rendered from (`DataCache`).
    static func dataCache(_ event: PageCacheEvent, count: Int = 1) {
        guard count > 0 else { return }
        dataCacheCounters[event]?.increment(by: Int64(count))
    }

    /// Counted on every cached page, so each counter is looked up in the registry once, not per
    /// request (a lookup takes the registry's lock).
    private static let pageCacheCounters = eventCounters("verdict_page_cache_events_total")
    private static let dataCacheCounters = eventCounters("verdict_data_cache_events_total")

    private static func eventCounters(_ name: String) -> [PageCacheEvent: Prometheus.Counter] {
        Dictionary(
            uniqueKeysWithValues: PageCacheEvent.allCases.map {
                ($0, Metrics.registry.makeCounter(name: name, labels: [("event", $0.rawValue)], help: ""))
            })
    }

    /// Which vote was stored: ship/skip on one tool, or a head-to-head pick.
    enum VoteKind: String, Sendable {
        case tool, pair
    }

    /// One vote stored (a changed vote counts again; a discounted voter's vote counts too).
    static func vote(_ kind: VoteKind) {
        Counter(label: "verdict_votes_total", dimensions: [("kind", kind.rawValue)]).increment()
    }

    /// One model reply received, valid or not: every reply is billed. `backend` is a configured
    /// backend's name, so the label's values are bounded by the configuration.
    static func modelUsage(_ usage: TokenUsage, backend: LLMBackend) {
        let name = [("backend", backend.name)]
        Counter(label: "verdict_model_tokens_total", dimensions: name + [("direction", "input")]).increment(by: max(usage.prompt, 0))
        Counter(label: "verdict_model_tokens_total", dimensions: name + [("direction", "output")])
            .increment(by: max(usage.completion, 0))
        // Without a price the cost is unknown, not zero: no series rather than a false 0.
        guard let cost = backend.pricing?.cost(usage), cost.isFinite, cost >= 0 else { return }
        FloatingPointCounter(label: "verdict_model_cost_usd_total", dimensions: name).increment(by: cost)
    }
}
