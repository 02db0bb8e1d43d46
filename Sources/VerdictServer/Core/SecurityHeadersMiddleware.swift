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
        let path = request.url.path
        if path.hasPrefix("/admin") || path.hasPrefix("/login") || path.hasPrefix("/api/v1/admin") {
            // Desk pages and admin answers hold subscriber data and form tokens: never cached.
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        if request.settings.isHTTPS {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        return response
    }
}
