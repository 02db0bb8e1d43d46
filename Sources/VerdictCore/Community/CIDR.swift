import Foundation

/// A range of addresses such as `10.0.0.0/8` or `fd00::/8`.
public struct CIDR: Sendable, Hashable {
    public let base: IPAddress
    public let prefix: Int

    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/")
        guard (1...2).contains(parts.count), let ip = IPAddress(String(parts[0])) else { return nil }
        let maxBits = ip.bytes.count * 8
        let bits = parts.count == 2 ? Int(parts[1]) : maxBits
        guard let bits, (0...maxBits).contains(bits) else { return nil }
        base = ip
        prefix = bits
    }

    public func contains(_ ip: IPAddress) -> Bool {
        guard ip.bytes.count == base.bytes.count else { return false }
        var remaining = prefix
        for i in 0..<ip.bytes.count where remaining > 0 {
            let take = min(8, remaining)
            let mask: UInt8 = take == 8 ? 0xff : ~(0xff >> UInt8(take))
            if ip.bytes[i] & mask != base.bytes[i] & mask { return false }
            remaining -= take
        }
        return true
    }

    /// Parses `VERDICT_TRUSTED_PROXIES`: comma-separated CIDRs. Throws on the first bad one.
    public static func list(_ text: String) throws(ConfigProblem) -> [CIDR] {
        try text.split(separator: ",").map { part throws(ConfigProblem) -> CIDR in
            guard let cidr = CIDR(String(part)) else {
                throw ConfigProblem("'\(part.trimmingCharacters(in: .whitespaces))' is not a CIDR range like 10.0.0.0/8 or fd00::/8")
            }
            return cidr
        }
    }
}

/// The client a request comes from: the peer, unless the peer is a trusted proxy, in which case
/// the rightmost `X-Forwarded-For` address that is not itself a trusted proxy.
public func clientAddress(peer: IPAddress?, forwardedFor: [String], trusted: [CIDR]) -> IPAddress? {
    guard let peer, trusted.contains(where: { $0.contains(peer) }) else { return peer }
    let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
    for hop in chain.reversed() {
        guard let ip = IPAddress(hop) else { return peer }
        if !trusted.contains(where: { $0.contains(ip) }) { return ip }
    }
    return peer
}
