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
    /// A voter minted for this vote and not yet stored: the caller stores it in the transaction
    /// that stores the vote, so a first vote commits once for the voter and the vote together.
    var unrecorded: VoterModel.NewVoter?
}

/// Admits or refuses a voting request: per-network rate limit, signed cookie, new-voter cap.
/// Both limits are counted in the database (`LimitCounter`), so they hold across app servers.
enum VoterGate {
    static func admit(_ req: Request) async throws -> VoterIdentity {
        guard let key = req.verdict.signingKey else { throw Abort(.serviceUnavailable, reason: "Database not prepared") }
        let network = networkHash(req, key: key)
        guard let raw = req.cookies[VoterCookie.name]?.string else {
            // A new reader: the vote and the mint are counted in one statement.
            let minted = try await takeVote(network: network, minting: true, req: req)
            return try mintForVote(network: network, key: key, minted: minted, req: req)
        }
        try await takeVote(network: network, minting: false, req: req)
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
            return SiteCrypto.hex(HMAC<SHA256>.authenticationCode(for: Data(material.utf8), using: key).prefix(16))
        } ?? "unknown"
    }

    /// Counts the vote against its network's allowance for this clock minute; beyond
    /// `votesPerNetworkPerMinute` refuses it (429) with the seconds left in the minute. With
    /// `minting`, the same statement counts a new voter against the network's hourly allowance
    /// and returns that count (a refused vote's mint stays counted: the network is over its limit).
    @discardableResult
    private static func takeVote(network: String, minting: Bool, req: Request) async throws -> Int? {
        let now = req.dependencies.clock.now()
        let window = LimitCounter.Window(containing: now, length: 60)
        let refused = req.application.votingState.refusedInWindow
        if refused.withLockedValue({ $0[network] }) == window.start {
            throw tooManyVotes(retryAfter: window.secondsLeft(at: now))
        }
        var hits = [(key: "vote:\(network)", window: window)]
        if minting { hits.append((key: mintKey(network), window: mintWindow(now))) }
        let counts = try await hit(hits, req: req)
        guard let count = counts[hits[0].key] else { throw Abort(.internalServerError) }
        guard count <= req.settings.limits.votesPerNetworkPerMinute else {
            refused.withLockedValue { refused in
                if refused.count > 50_000 { refused.removeAll(keepingCapacity: true) }  // bounded memory
                refused[network] = window.start
            }
            throw tooManyVotes(retryAfter: window.secondsLeft(at: now))
        }
        return minting ? counts[hits[1].key] : nil
    }

    private static func mintKey(_ network: String) -> String { "mint:\(network)" }
    private static func mintWindow(_ now: Date) -> LimitCounter.Window { LimitCounter.Window(containing: now, length: 3600) }

    private static func tooManyVotes(retryAfter seconds: Int) -> Abort {
        Abort(
            .tooManyRequests, headers: ["Retry-After": "\(seconds)"],
            reason: "Too many votes from your network; try again in \(seconds) s")
    }

    /// Counts one hit on each key in its window for every server on the database and returns
    /// each key's count. About one call in `pruneOdds` also deletes windows that started more than
    /// two hours earlier (longer than any window lasts), so the table stays small.
    private static func hit(_ hits: [(key: String, window: LimitCounter.Window)], req: Request) async throws -> [String: Int] {
        let counts = try await req.application.votingState.counters.submit(hits.map { LimitCounter.Hit(key: $0.key, window: $0.window) })
        if req.dependencies.random.int(in: 0..<pruneOdds) == 0 {
            do {
                let oldest = hits.map(\.window.start).min() ?? 0
                try await req.application.votingState.writes.run { try await LimitCounter.prune(before: oldest - 2 * 3600, on: req.db) }
            } catch {
                req.logger.warning("Pruning old limit counters failed: \(String(reflecting: error))")
            }
        }
        return counts
    }

    private static let pruneOdds = 100

    /// A new voter for the vote being cast, counted while the network's mints this hour (`minted`,
    /// taken with the vote's limit) are within the cap. Its id is fresh randomness, so no stored
    /// voter has it: whether it counts is known before it is stored, with the vote.
    private static func mintForVote(network: String, key: SymmetricKey, minted: Int?, req: Request) throws -> VoterIdentity {
        guard let minted else { throw Abort(.internalServerError) }
        let issued = VoterCookie.issue(key: key, random: req.dependencies.random, at: req.dependencies.clock.now())
        let counted = minted <= req.settings.limits.newVotersPerNetworkPerHour
        let record = VoterModel.NewVoter(voter: issued.voter, network: network, counted: counted, at: req.dependencies.clock.now())
        return VoterIdentity(id: issued.voter, counted: counted, newCookie: issued.value, unrecorded: record)
    }

    private static func mint(network: String, key: SymmetricKey, minted: Int? = nil, req: Request) async throws -> VoterIdentity {
        let issued = VoterCookie.issue(key: key, random: req.dependencies.random, at: req.dependencies.clock.now())
        let counted = try await record(issued.voter, network: network, minted: minted, req: req)
        return VoterIdentity(id: issued.voter, counted: counted, newCookie: issued.value)
    }

    /// Stores a voter; it counts while its network has minted no more than the hourly cap in
    /// this clock hour. The database hands each mint its own count, so concurrent mints on any
    /// number of servers never count more than `newVotersPerNetworkPerHour` voters, without a lock.
    /// `minted` is the network's mint count when the caller already took it.
    private static func record(_ voter: String, network: String, minted: Int? = nil, req: Request) async throws -> Bool {
        let now = req.dependencies.clock.now()
        let key = mintKey(network)
        var count = minted
        if count == nil { count = try await hit([(key: key, window: mintWindow(now))], req: req)[key] }
        guard let minted = count else { throw Abort(.internalServerError) }
        let counted = try await req.application.votingState.voters.submit(
            VoterModel.NewVoter(voter: voter, network: network, counted: minted <= req.settings.limits.newVotersPerNetworkPerHour, at: now))
        req.application.votingState.counted.withLockedValue { $0[voter] = counted }
        return counted
    }

    /// Remembers whether a voter stored with their first vote counts, once that vote committed.
    static func remember(_ voter: VoterModel.NewVoter, req: Request) {
        req.application.votingState.counted.withLockedValue { cache in
            if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
            cache[voter.voter] = voter.counted
        }
    }

    private static func isCounted(_ voter: String, network: String, req: Request) async throws -> Bool {
        let cache = req.application.votingState.counted
        if let known = cache.withLockedValue({ $0[voter] }) { return known }
        let counted: Bool
        if let known = try await VoterModel.isCounted(voter, on: req.db) {
            counted = known
        } else {
            // Signed by us but not on record (a restored backup): record it under the cap.
            counted = try await record(voter, network: network, req: req)
        }
        cache.withLockedValue { cache in
            if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
            cache[voter] = counted
        }
        return counted
    }
}
