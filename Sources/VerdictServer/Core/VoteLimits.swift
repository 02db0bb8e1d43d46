import VerdictCore

/// How much voting one network may do. Both limits are counted in the database in fixed windows
/// (a clock minute, a clock hour), so they hold across app servers.
public struct VoteLimits: Sendable {
    /// Votes (ship/skip and head-to-head) one network may cast per clock minute, on all app servers together.
    public var votesPerNetworkPerMinute = 120
    /// New voter ids one network may mint per clock hour before further ones are discounted.
    public var newVotersPerNetworkPerHour = 20
    /// Proxies whose `X-Forwarded-For` is believed.
    public var trustedProxies: [CIDR] = []

    public init() {}
}
