import Vapor
import VerdictCore

/// The signed `verdict_voter` cookie: a random voter id and an HMAC-SHA256 over it, so only
/// ids this server issued are accepted.
enum VoterCookie {
    static let name = "verdict_voter"
    static let maxAge = 60 * 60 * 24 * 400

    /// A new voter id and its signed cookie. The id is time-ordered (`UUID.timeOrdered`), so the
    /// voters table and the votes' (tool, voter) index grow at their ends; the cookie is signed,
    /// so the id need not be secret.
    static func issue(key: SymmetricKey, random: RandomSource, at now: Date) -> (voter: String, value: String) {
        var generator = random.generator
        let voter = UUID.timeOrdered(at: now, using: &generator).uuidString.lowercased()
        return (voter, "v1.\(voter).\(signature(voter, key: key))")
    }

    /// The voter id, or nil when the cookie is absent, malformed or not signed by this site.
    static func verify(_ value: String?, key: SymmetricKey) -> String? {
        guard let value else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", UUID(uuidString: String(parts[1])) != nil else { return nil }
        let voter = String(parts[1])
        return SiteCrypto.verify(String(parts[2]), of: "v1.\(voter)", key: key) ? voter : nil
    }

    static func cookie(_ value: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    private static func signature(_ voter: String, key: SymmetricKey) -> String {
        SiteCrypto.mac("v1.\(voter)", key: key)
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(base64URL: String) {
        var s = base64URL.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s.append("=") }
        self.init(base64Encoded: s)
    }
}
