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
            !exempt.contains(where: { request.url.path.hasPrefix($0) }), !Self.fromStaticExport(request)
        else {
            return try await next.respond(to: request)
        }
        if let site = request.headers.first(name: "Sec-Fetch-Site")?.lowercased(), site == "cross-site" || site == "same-site" {
            throw Abort(.forbidden, reason: "Cross-site request refused: submit the form from this site")
        }
        if let origin = request.headers.first(name: .origin) {
            guard origin != "null" else { throw Abort(.forbidden, reason: "Cross-site request refused: opaque origin") }
            guard let claimed = WebOrigin(origin), Self.siteOrigins(request).contains(claimed) else {
                throw Abort(
                    .forbidden,
                    reason:
                        "Cross-site request refused: the Origin does not match this site (behind a proxy, set VERDICT_PUBLIC_URL to the address browsers use)"
                )
            }
        }
        return try await next.respond(to: request)
    }

    /// The forms a static export's pages post here (`VERDICT_STATIC_ORIGIN`): votes, head-to-head
    /// picks and subscribing, from exactly that origin. Nothing else is accepted from it.
    static func fromStaticExport(_ request: Request) -> Bool {
        guard let configured = request.settings.staticOrigin.flatMap(WebOrigin.init),
            let origin = request.headers.first(name: .origin).flatMap(WebOrigin.init), origin == configured,
            let endpoint = request.route?.endpoint
        else { return false }
        return [.toolVote, .comparePick, .subscribe].contains(endpoint)
    }

    /// This site's origins: the configured public URL, and the `Host` the request was sent to,
    /// reached by the public URL's scheme (plain http when none is configured). Scheme, host and
    /// port are all compared: another port on the same host is another site.
    static func siteOrigins(_ request: Request) -> [WebOrigin] {
        let configured = request.settings.publicURL.flatMap(WebOrigin.init)
        let scheme = configured?.scheme ?? "http"
        let host = request.headers.first(name: .host).flatMap { WebOrigin(scheme: scheme, hostHeader: $0) }
        return [configured, host].compactMap { $0 }
    }
}
