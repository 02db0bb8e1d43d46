import Crypto
import Foundation
import NIOCore
import VerdictCore

/// Whether a scrape of `/metrics` is answered. The route is `.open` to the `Gatekeeper` (no
/// person signs in to scrape); this check, driven by `MetricsSettings`, guards it instead.
///
/// The peer is the socket's address, never `X-Forwarded-For`: a scraper talks to each app
/// server directly, and a forwarded header is whatever the client wrote. Only when the peer is
/// a trusted proxy (`VERDICT_TRUSTED_PROXIES`) is the client it forwards for checked too, so a
/// reverse proxy on the same host does not open `/metrics` to the world through loopback.
/// A request without an IP peer — made in-process (`app.testing()`) or over a Unix socket,
/// which only local processes can open — counts as loopback.
enum MetricsAccess {
    enum Decision: Equatable, Sendable {
        case allow
        /// The peer is outside `VERDICT_METRICS_ALLOW` (403).
        case forbidden
        /// A token is configured and the request does not carry it (401).
        case unauthorized
    }

    static let loopback = [IPAddress("127.0.0.1")!, IPAddress("::1")!]

    static func decide(
        peer: SocketAddress?, forwardedFor: [String], trusted: [CIDR], bearer: String?, _ settings: MetricsSettings
    ) -> Decision {
        func allowed(_ ip: IPAddress?) -> Bool { ip.map { ip in settings.allow.contains { $0.contains(ip) } } ?? false }
        let admitted = peerAddresses(peer).contains { ip in
            allowed(ip) && allowed(clientAddress(peer: ip, forwardedFor: forwardedFor, trusted: trusted))
        }
        guard admitted else { return .forbidden }
        guard let token = settings.token else { return .allow }
        guard let bearer, matches(bearer, token) else { return .unauthorized }
        return .allow
    }

    /// The addresses a peer is checked as: none when an IP peer cannot be read, so it is refused.
    static func peerAddresses(_ peer: SocketAddress?) -> [IPAddress] {
        switch peer {
        case nil, .unixDomainSocket?: loopback
        case let address?: address.ipAddress.flatMap(IPAddress.init).map { [$0] } ?? []
        }
    }

    /// Compares digests of both, so the time taken tells neither the length nor the first
    /// differing byte of the token.
    static func matches(_ given: String, _ expected: String) -> Bool {
        let a = SHA256.hash(data: Data(given.utf8))
        let b = SHA256.hash(data: Data(expected.utf8))
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
