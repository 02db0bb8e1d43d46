import Vapor

extension Subscriptions {
    /// Refuses the request with 429 and `Retry-After` when its network (/24 or /64, hashed as
    /// for votes) has used its `VERDICT_SUBSCRIBES_PER_NETWORK_PER_HOUR` in this clock hour.
    /// Counted in the database like the vote limits, so the limit holds across app servers and
    /// no flood of networks can make a server forget it. Checked before the address is looked
    /// at, so the answer says nothing about it.
    static func admit(_ req: Request) async throws {
        guard let key = req.verdict.signingKey else { throw Abort(.serviceUnavailable, reason: "Database not prepared") }
        let network = VoterGate.networkHash(req, key: key)
        let now = req.dependencies.clock.now()
        let window = LimitCounter.Window(containing: now, length: 3600)
        let count = try await LimitCounter.increment("subscribe:\(network)", in: window, on: req.db)
        guard count <= req.settings.subscribesPerNetworkPerHour else {
            let wait = window.secondsLeft(at: now)
            let minutes = (wait + 59) / 60
            throw Abort(
                .tooManyRequests, headers: ["Retry-After": "\(wait)"],
                reason: "Too many subscriptions from your network; try again in \(minutes) minute\(minutes == 1 ? "" : "s")")
        }
    }
}
