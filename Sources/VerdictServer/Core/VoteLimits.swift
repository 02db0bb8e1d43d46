import VerdictCore

/// How much voting one network may do. Per-network counters for the rate limit live in each
/// app server's memory; the new-voter cap is counted in the database, so it holds across servers.
public struct VoteLimits: Sendable {
    /// Votes (ship/skip and head-to-head) one network may cast per minute on one app server.
    public var votesPerNetworkPerMinute = 120
    /// New voter ids one network may mint per hour before further ones are discounted.
    public var newVotersPerNetworkPerHour = 20
    /// Proxies whose `X-Forwarded-For` is believed.
    public var trustedProxies: [CIDR] = []

    public init() {}
}
