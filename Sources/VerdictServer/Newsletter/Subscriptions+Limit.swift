import Vapor

extension Subscriptions {
    /// Refuses the request with 429 and `Retry-After` when its network (/24 or /64, hashed as
    /// for votes) has used its `VERDICT_SUBSCRIBES_PER_NETWORK_PER_HOUR`. Checked before the
    /// address is looked at, so the answer says nothing about it.
    static func admit(_ req: Request) throws {
        guard let key = req.verdict.signingKey else { throw Abort(.serviceUnavailable, reason: "Database not prepared") }
        let network = VoterGate.networkHash(req, key: key)
        if case .failure(let wait) = req.application.subscribeLimiter.take(network, now: req.dependencies.clock.now()) {
            let minutes = (wait.seconds + 59) / 60
            throw Abort(
                .tooManyRequests, headers: ["Retry-After": "\(wait.seconds)"],
                reason: "Too many subscriptions from your network; try again in \(minutes) minute\(minutes == 1 ? "" : "s")")
        }
    }
}

extension Application {
    /// Subscribes per network per hour on this app server; set up in `configure` from `Settings`.
    /// (The one `RateLimiter` stored on the application; the vote limiter lives in `VotingState`.)
    var subscribeLimiter: RateLimiter {
        get { configured() }
        set { configure(newValue) }
    }
}
