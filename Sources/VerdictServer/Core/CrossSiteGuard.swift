import Vapor

/// Refuses state-changing browser requests that come from another site (CSRF), using the
/// browser's own `Sec-Fetch-Site` and `Origin` headers. Requests without either (API clients,
/// curl, mail clients' one-click unsubscribe) pass: they carry no ambient browser credentials
/// a forged form could ride on. Routes meant to be posted cross-site are listed in `exempt`.
struct CrossSiteGuard: AsyncMiddleware {
    /// Path prefixes allowed from other sites (RFC 8058 one-click unsubscribe comes from mail clients).
    var exempt: [String] = [SiteURL.newsletterUnsubscribe.path]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method),
            !exempt.contains(where: { request.url.path.hasPrefix($0) })
        else {
            return try await next.respond(to: request)
        }
        if let site = request.headers.first(name: "Sec-Fetch-Site")?.lowercased(), site == "cross-site" || site == "same-site" {
            throw Abort(.forbidden, reason: "Cross-site request refused: submit the form from this site")
        }
        if let origin = request.headers.first(name: .origin), origin != "null" {
            let host = request.headers.first(name: .host) ?? ""
            // Behind a proxy that rewrites Host, the configured public origin is this site too.
            let publicOrigin = request.settings.publicURL?.trimmingSuffix("/")
            guard let url = URL(string: origin), let originHost = url.host,
                originHost + (url.port.map { ":\($0)" } ?? "") == host || originHost == host || origin == publicOrigin
            else {
                throw Abort(.forbidden, reason: "Cross-site request refused: the Origin does not match this site")
            }
        } else if request.headers.first(name: .origin) == "null" {
            throw Abort(.forbidden, reason: "Cross-site request refused: opaque origin")
        }
        return try await next.respond(to: request)
    }
}
