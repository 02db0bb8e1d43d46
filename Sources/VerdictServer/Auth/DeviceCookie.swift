import Foundation
import Vapor

/// A signed cookie a browser earns by signing in to an account. Attempts from that browser
/// are not held by its network's failures, and the account holds it only after a few more
/// failures than an unknown browser, so an attacker failing on purpose (at the account, or
/// from a shared network such as a proxy) cannot lock its rightful owner out (OWASP's "device
/// cookies"). It never lifts the account's limit: see `LoginThrottle`. It grants nothing by
/// itself: the password is still checked every time.
enum DeviceCookie {
    static let maxAge = 400 * 24 * 3600

    static func name(for req: Request) -> String {
        req.settings.sessionCookiesSecure ? "__Host-verdict_device" : "verdict_device"
    }

    /// The device id, when the request carries a cookie this site issued for `email`.
    static func verify(_ req: Request, email: String, key: SymmetricKey) -> String? {
        guard let value = req.cookies[name(for: req)]?.string, value.count < 200 else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "d1" else { return nil }
        let device = String(parts[1])
        return SiteCrypto.verify(String(parts[2]), of: material(device, email), key: key) ? device : nil
    }

    static func issue(email: String, key: SymmetricKey, req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value(device: req.dependencies.random.hex128(), email: email, key: key), maxAge: maxAge, path: "/",
            isSecure: req.settings.sessionCookiesSecure, isHTTPOnly: true, sameSite: .lax)
    }

    /// The cookie's value for one device and account: `d1.<device>.<HMAC>`.
    static func value(device: String, email: String, key: SymmetricKey) -> String {
        "d1.\(device).\(SiteCrypto.mac(material(device, email), key: key))"
    }

    private static func material(_ device: String, _ email: String) -> String { "device:\(device):\(email)" }
}
