import Fluent
import Vapor
import VerdictCore

/// `/login` and `/logout` for the editor's desk.
struct AccountController: Sendable {
    let throttle = LoginThrottle()

    func loginPage(req: Request) async throws -> Response {
        let next = Self.safeNext(req.queryValue("next"))
        if try await Sessions.current(req) != nil { return req.redirect(to: next ?? SiteURL.admin(.home).path) }
        return LoginPage.document(next: next).response()
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let password = form.password ?? ""
        let next = Self.safeNext(form.next)
        guard !email.isEmpty, email.count <= 254, !password.isEmpty, password.utf8.count <= 1024 else {
            return LoginPage.document(email: String(email.prefix(254)), next: next, message: "Enter your email and password.").response(
                status: .badRequest)
        }
        guard let key = req.verdict.signingKey else { throw Abort(.serviceUnavailable, reason: "Database not prepared") }
        // A browser that signed in to this account before gets a bounded allowance of its own
        // (see LoginThrottle); the account's count still holds it once the account is under attack.
        let device = DeviceCookie.verify(req, email: email, key: key)
        let network = VoterGate.networkHash(req, key: key)
        let now = req.dependencies.clock.now()
        let attempt: UUID
        switch try await throttle.begin(
            account: email, device: device, network: network, now: now, random: req.dependencies.random, on: req.db)
        {
        case .success(let id):
            attempt = id
        case .failure(let held):
            req.logger.notice("login throttled for an account or network (\(held.seconds) s)")
            return Self.heldResponse(wait: held.seconds, email: email, next: next)
        }
        let user = try await UserModel.find(email: email, on: req.db)
        // Unknown accounts cost a bcrypt verification too, so timing does not tell which emails exist.
        let matches = try await Passwords.verify(password, hash: user?.passwordHash ?? Passwords.decoyHash, on: req.application)
        guard let user, matches, user.disabledAt == nil else {
            req.logger.notice("login failed")
            return LoginPage.document(email: email, next: next, message: "That email and password do not match an account.")
                .response(status: .unauthorized)
        }
        try await throttle.succeeded(attempt, on: req.db)
        let secret = try await Sessions.start(for: user, req: req)
        let response = req.redirect(to: next ?? SiteURL.admin(.home).path, redirectType: .normal)
        response.cookies[Sessions.cookieName(for: req)] = Sessions.cookie(secret, req: req)
        if device == nil { response.cookies[DeviceCookie.name(for: req)] = DeviceCookie.issue(email: email, key: key, req: req) }
        return response
    }

    /// 429 with `Retry-After`, the password unchecked: the right one waits like any other.
    static func heldResponse(wait: Int, email: String, next: String?) -> Response {
        let minutes = max(1, (wait + 59) / 60)
        let response = LoginPage.document(
            email: email, next: next, message: "Too many failed sign-ins. Try again in \(minutes) minute\(minutes == 1 ? "" : "s")."
        ).response(status: .tooManyRequests)
        response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
        return response
    }

    func logout(req: Request) async throws -> Response {
        try await Sessions.end(req)
        let response = req.redirect(to: SiteURL.login(next: nil).path, redirectType: .normal)
        response.cookies[Sessions.cookieName(for: req)] = Sessions.expiredCookie(req: req)
        return response
    }

    /// Only paths on the editor's desk are followed after sign-in (no open redirects).
    static func safeNext(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix(SiteURL.admin(.home).path), !raw.contains("//"), !raw.contains("\\"), raw.count < 300,
            raw.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f })
        else { return nil }
        return raw
    }
}
