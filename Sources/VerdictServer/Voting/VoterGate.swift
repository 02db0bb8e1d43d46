import Fluent
import NIOConcurrencyHelpers
import Vapor
import VerdictCore

/// Who is voting: a voter id from the signed cookie (or a freshly minted one), whether that
/// voter's votes carry weight, and the cookie to set if one was minted.
struct VoterIdentity: Sendable {
    var id: String
    var counted: Bool
    var newCookie: String?
}

/// Admits or refuses a voting request: per-network rate limit, signed cookie, new-voter cap.
enum VoterGate {
    static func admit(_ req: Request) async throws -> VoterIdentity {
        guard let key = req.verdict.signingKey else { throw Abort(.serviceUnavailable, reason: "Database not prepared") }
        let network = networkHash(req, key: key)
        if case .failure(let wait) = req.application.votingState.limiter.take(network, now: req.dependencies.clock.now()) {
            throw Abort(
                .tooManyRequests, headers: ["Retry-After": "\(wait.seconds)"],
                reason: "Too many votes from your network; try again in \(wait.seconds) s")
        }
        guard let raw = req.cookies[VoterCookie.name]?.string else {
            return try await mint(network: network, key: key, req: req)
        }
        let verified = req.application.votingState.verifiedCookies.value(for: raw) { VoterCookie.verify(raw, key: key) }
        guard let voter = verified else {
            // Refuse the vote, but hand out a genuine cookie so an honest reader whose cookie
            // went stale (a rotated secret) can vote on the next try.
            let fresh = try await mint(network: network, key: key, req: req)
            var headers = HTTPHeaders()
            let cookie = VoterCookie.cookie(fresh.newCookie ?? "", secure: req.settings.isHTTPS)
            headers.setCookie = HTTPCookies(dictionaryLiteral: (VoterCookie.name, cookie))
            throw Abort(
                .forbidden, headers: headers, reason: "The verdict_voter cookie was not issued by this site; vote again with the new one")
        }
        return VoterIdentity(id: voter, counted: try await isCounted(voter, network: network, req: req), newCookie: nil)
    }

    /// The network a request comes from, as an HMAC with a salt that changes every UTC day:
    /// enough to count per network, useless for recovering the address.
    static func networkHash(_ req: Request, key: SymmetricKey) -> String {
        let peerText = req.remoteAddress?.ipAddress
        let forwarded = req.headers[.xForwardedFor]
        let day = Int(req.dependencies.clock.now().timeIntervalSince1970 / 86_400)
        let memo = "\(day)|\(peerText ?? "")|\(forwarded.joined(separator: ","))"
        return req.application.votingState.networks.value(for: memo) {
            let client = clientAddress(
                peer: peerText.flatMap(IPAddress.init), forwardedFor: forwarded,
                trusted: req.settings.limits.trustedProxies)
            let material = "net:\(day):\(client?.networkKey ?? "unknown")"
            return HMAC<SHA256>.authenticationCode(for: Data(material.utf8), using: key).prefix(16)
                .map { String(format: "%02x", $0) }.joined()
        } ?? "unknown"
    }

    private static func mint(network: String, key: SymmetricKey, req: Request) async throws -> VoterIdentity {
        let issued = VoterCookie.issue(key: key)
        let counted = try await req.application.votingState.mintLock.run {
            try await record(issued.voter, network: network, req: req)
        }
        return VoterIdentity(id: issued.voter, counted: counted, newCookie: issued.value)
    }

    /// Stores a new voter; it counts while its network has minted fewer than the hourly cap.
    private static func record(_ voter: String, network: String, req: Request) async throws -> Bool {
        let now = req.dependencies.clock.now()
        let minted = try await VoterModel.minted(network: network, since: now.addingTimeInterval(-3600), on: req.db)
        let counted = minted < req.settings.limits.newVotersPerNetworkPerHour
        try await VoterModel.record(voter, network: network, counted: counted, at: now, on: req.db)
        req.application.votingState.counted.withLockedValue { $0[voter] = counted }
        return counted
    }

    private static func isCounted(_ voter: String, network: String, req: Request) async throws -> Bool {
        let cache = req.application.votingState.counted
        if let known = cache.withLockedValue({ $0[voter] }) { return known }
        let counted: Bool
        if let known = try await VoterModel.isCounted(voter, on: req.db) {
            counted = known
        } else {
            // Signed by us but not on record (a restored backup): record it under the cap.
            counted = try await req.application.votingState.mintLock.run {
                try await record(voter, network: network, req: req)
            }
        }
        cache.withLockedValue { cache in
            if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
            cache[voter] = counted
        }
        return counted
    }
}
