import Fluent
import Foundation
import Vapor
import VerdictCore

/// Browser sessions for the editor's desk, stored in the database so every app server agrees.
/// The cookie is `__Host-verdict_session` (Secure, Path=/, no Domain) when cookies are secure,
/// `verdict_session` for local HTTP; always HttpOnly and SameSite=Lax.
enum Sessions {
    /// A session ends this long after sign-in, whatever happens.
    static let absoluteLifetime: TimeInterval = 12 * 3600
    /// …or after this long without a request.
    static let idleLifetime: TimeInterval = 2 * 3600
    /// `last_seen_at` is refreshed at most this often, so reading pages costs no writes.
    static let touchInterval: TimeInterval = 300

    static func cookieName(secure: Bool) -> String { secure ? "__Host-verdict_session" : "verdict_session" }

    static func cookieName(for req: Request) -> String { cookieName(secure: req.settings.sessionCookiesSecure) }

    /// Starts a fresh session for `user` and returns the cookie secret. Any session the browser
    /// presented is ended first: sign-in never adopts an existing id (session fixation).
    static func start(for user: UserModel, req: Request) async throws -> String {
        if let presented = req.cookies[cookieName(for: req)]?.string {
            try await SessionModel.end(tokenHash: SiteCrypto.sha256Hex(presented), on: req.db)
        }
        let secret = SiteCrypto.generate(prefix: "vds_")
        let now = req.dependencies.clock.now()
        try await SessionModel.start(
            user: try user.requireID(), tokenHash: SiteCrypto.sha256Hex(secret), now: now,
            expiresAt: now.addingTimeInterval(absoluteLifetime), on: req.db)
        return secret
    }

    /// The live session and its user for this request's cookie, if any.
    static func current(_ req: Request) async throws -> (SessionModel, UserModel)? {
        guard let secret = req.cookies[cookieName(for: req)]?.string, secret.hasPrefix("vds_"), secret.count < 100 else {
            return nil
        }
        guard let row = try await SessionModel.find(tokenHash: SiteCrypto.sha256Hex(secret), on: req.db) else { return nil }
        let now = req.dependencies.clock.now()
        guard row.expiresAt > now, now.timeIntervalSince(row.lastSeenAt) < idleLifetime, row.user.disabledAt == nil else {
            try await SessionModel.end(tokenHash: row.tokenHash, on: req.db)
            return nil
        }
        if now.timeIntervalSince(row.lastSeenAt) > touchInterval {
            try await SessionModel.touch(row, now: now, on: req.db)
        }
        return (row, row.user)
    }

    static func end(_ req: Request) async throws {
        guard let secret = req.cookies[cookieName(for: req)]?.string else { return }
        try await SessionModel.end(tokenHash: SiteCrypto.sha256Hex(secret), on: req.db)
    }

    static func cookie(_ secret: String, req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: secret, expires: nil, maxAge: Int(absoluteLifetime), domain: nil, path: "/",
            isSecure: req.settings.sessionCookiesSecure, isHTTPOnly: true, sameSite: .lax)
    }

    static func expiredCookie(req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
            isSecure: req.settings.sessionCookiesSecure, isHTTPOnly: true, sameSite: .lax)
    }

    /// The form token that proves a POST came from a page this session loaded (synchronizer
    /// token: an HMAC of the session, so nothing extra is stored).
    static func csrfToken(for session: SessionModel, key: SymmetricKey) -> String {
        SiteCrypto.mac("csrf:\(session.tokenHash)", key: key)
    }

    static func csrfValid(_ token: String?, session: SessionModel, key: SymmetricKey) -> Bool {
        SiteCrypto.verify(token, of: "csrf:\(session.tokenHash)", key: key)
    }
}
