import Vapor

/// Baseline response headers: no inline scripts, no framing, no MIME sniffing.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = response.headers
        if !h.contains(name: "Content-Security-Policy") {
            response.headers.add(
                name: "Content-Security-Policy",
                value:
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
            )
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "strict-origin-when-cross-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if Self.isPrivate(request) {
            // Desk pages and admin answers hold subscriber data and form tokens: never cached.
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        if request.settings.isHTTPS {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        return response
    }

    /// Whether the answer belongs to someone signed in: every route whose access rule is not
    /// open (decided by the matched route, so `/api/v1//admin/…` is covered as the router
    /// matches it), the sign-in pages, and unmatched paths under the private prefixes.
    static func isPrivate(_ request: Request) -> Bool {
        if let endpoint = request.route?.endpoint {
            if case .open = endpoint.access { return [.loginPage, .login].contains(endpoint) }
            return true
        }
        let path = request.url.path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        return ["admin", "login", "api/v1/admin"].contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}
