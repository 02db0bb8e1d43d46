import Vapor
import VerdictCore

/// Turns every error into a page a person can read, or `{"error": "…"}` under `/api/`.
/// Internal errors are logged in full and shown without details.
struct ErrorRenderingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return render(error, for: request)
        }
    }

    private func render(_ error: any Error, for req: Request) -> Response {
        let (status, reason, headers) = describe(error, for: req)
        if status.code >= 500 {
            req.logger.report(error: error)
        }
        let response: Response
        if req.url.path.hasPrefix("/api/") {
            response = Response(status: status)
            try? response.content.encode(API.ErrorBody(error: reason), as: .json)
        } else {
            let model = ErrorPage.Model(status: Int(status.code), title: title(status), message: reason)
            response = ErrorPage.View(model: model).document().response(status: status)
        }
        for (name, value) in headers where name.lowercased() != "content-type" {
            response.headers.add(name: name, value: value)
        }
        return response
    }

    private func describe(_ error: any Error, for req: Request) -> (HTTPStatus, String, HTTPHeaders) {
        if let abort = error as? any AbortError {
            // The route's own limit: an import takes a whole file, a vote 64 KB.
            let reason =
                abort.status == .payloadTooLarge
                ? "The request body is too large; the limit is \(Self.size(Gatekeeper.maxFormBytes(req)))." : abort.reason
            return (abort.status, reason, abort.headers)
        }
        if let decoding = error as? DecodingError {
            return (.badRequest, "The request body could not be read: \(CatalogImport.describe(decoding))", [:])
        }
        if DatabaseErrors.isCorruption(error) {
            req.application.databaseHealth.markCorrupt()
        }
        if DatabaseErrors.isContention(error) {
            // A write that lost every retry to other writers: as busy as a full pool.
            return (.serviceUnavailable, "The site is busy; try again in a few seconds.", ["Retry-After": "5"])
        }
        if error is ConnectionPoolTimeoutError {
            // Every database connection is busy: a moment's overload, not a fault; say when to retry.
            return (.serviceUnavailable, "The site is busy; try again in a few seconds.", ["Retry-After": "5"])
        }
        return (.internalServerError, "Something went wrong on our side; it has been logged.", [:])
    }

    /// `bytes` in the largest unit that divides it: "64 KB", "8 MB", "8256 KB".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }

    private func title(_ status: HTTPStatus) -> String {
        switch status.code {
        case 404: "Not found"
        case 400: "That request did not make sense"
        case 401: "Sign in needed"
        case 403: "Not allowed"
        case 429: "Too many requests"
        case 413: "Too large"
        default: status.reasonPhrase
        }
    }
}
