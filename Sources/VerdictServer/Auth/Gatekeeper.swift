import Fluent
import Vapor
import VerdictCore

extension Route {
    private static let accessKey: AnySendableHashable = "verdict.access"

    /// Declares who may call this route. A route without a rule is refused (and fails the route
    /// authorization test).
    @discardableResult
    func access(_ rule: Access) -> Route {
        userInfo[Self.accessKey] = rule
        return self
    }

    var accessRule: Access? { userInfo[Self.accessKey] as? Access }
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }
    private struct SessionKey: StorageKey { typealias Value = SessionModel }

    /// Who made this request, as established by `Gatekeeper` (anonymous on open routes).
    var principal: Principal {
        get { storage[PrincipalKey.self] ?? .anonymous }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The signed-in session on session routes.
    var session: SessionModel? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }
}

/// Enforces each route's `Access` rule: sessions (with a CSRF token on every state-changing
/// form) for the editor's desk, bearer tokens for the admin API, nothing for open routes.
/// Deny by default: a route without a rule answers 403.
struct Gatekeeper: AsyncMiddleware {
    /// The largest body a desk form may post: the route's own limit (see `Endpoint.maxBodyBytes`).
    static func maxFormBytes(_ req: Request) -> Int {
        req.route?.endpoint?.maxBodyBytes ?? req.application.routes.defaultMaxBodySize.value
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let rule = req.route?.accessRule else {
            req.logger.error("route \(req.method) \(req.url.path) has no access rule; refused")
            throw Abort(.forbidden, reason: "This route is not open.")
        }
        switch rule {
        case .open:
            return try await next.respond(to: req)
        case .session:
            let found = try await Sessions.current(req)
            if let (session, user) = found {
                req.principal = .person(email: user.email, role: user.role)
                req.session = session
            }
            switch rule.decide(req.principal) {
            case .allow: break
            case .unauthenticated:
                if req.method == .GET || req.method == .HEAD {
                    return req.redirect(to: SiteURL.login(next: req.url.path).path)
                }
                throw Abort(.unauthorized, reason: "Your session has ended; sign in again.")
            case .forbidden(let why):
                throw Abort(.forbidden, reason: why)
            }
            if ![.GET, .HEAD].contains(req.method) {
                try await requireFormToken(req)
            }
            return try await next.respond(to: req)
        case .token:
            if let header = req.headers.bearerAuthorization, let principal = try await APITokens.principal(bearer: header.token, req: req) {
                req.principal = principal
            }
            switch rule.decide(req.principal) {
            case .allow: return try await next.respond(to: req)
            case .unauthenticated:
                throw Abort(
                    .unauthorized, headers: ["WWW-Authenticate": "Bearer realm=\"verdict\""],
                    reason: "A valid bearer token is required (Authorization: Bearer vdt_…).")
            case .forbidden(let why):
                throw Abort(.forbidden, reason: why)
            }
        }
    }

    private struct FormToken: Decodable { var csrf: String? }

    private func requireFormToken(_ req: Request) async throws {
        guard let session = req.session, let key = req.verdict.signingKey else {
            throw Abort(.forbidden, reason: "Form refused: no session.")
        }
        if req.body.data == nil {
            // Read here (the route would read it later) to check the token first; with the
            // route's own limit, so the check cannot be used to post more than the route takes.
            _ = try await req.body.collect(max: Self.maxFormBytes(req)).get()
        }
        let token = (try? req.content.decode(FormToken.self))?.csrf
        guard Sessions.csrfValid(token, session: session, key: key) else {
            throw Abort(.forbidden, reason: "Form refused: its security token is missing or stale. Reload the page and try again.")
        }
    }
}
