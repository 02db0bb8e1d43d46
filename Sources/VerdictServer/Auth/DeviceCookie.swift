import Foundation
import Vapor

/// A signed cookie a browser earns by signing in to an account. Attempts on that account from
/// that browser are counted on their own, so failures an attacker sends (at the account, or
/// from a shared network such as a proxy) cannot lock its rightful owner out (OWASP's "device
/// cookies"). It grants nothing by itself: the password is still checked every time.
enum DeviceCookie {
    static let maxAge = 400 * 24 * 3600

    static func name(for req: Request) -> String {
        req.verdict.config.sessionCookiesSecure ? "__Host-verdict_device" : "verdict_device"
    }

    /// The device id, when the request carries a cookie this site issued for `email`.
    static func verify(_ req: Request, email: String, key: SymmetricKey) -> String? {
        guard let value = req.cookies[name(for: req)]?.string, value.count < 200 else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "d1", let mac = Data(base64URL: String(parts[2])) else { return nil }
        let device = String(parts[1])
        let ok = HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(material(device, email).utf8), using: key)
        return ok ? device : nil
    }

    static func issue(email: String, key: SymmetricKey, req: Request) -> HTTPCookies.Value {
        let device = UUID().uuidString.lowercased()
        let mac = HMAC<SHA256>.authenticationCode(for: Data(material(device, email).utf8), using: key)
        return HTTPCookies.Value(
            string: "d1.\(device).\(Data(mac).base64URLEncoded)", maxAge: maxAge, path: "/",
            isSecure: req.verdict.config.sessionCookiesSecure, isHTTPOnly: true, sameSite: .lax)
    }

    private static func material(_ device: String, _ email: String) -> String { "device:\(device):\(email)" }
}
