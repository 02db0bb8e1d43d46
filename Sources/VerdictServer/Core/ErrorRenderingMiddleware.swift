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
        let (status, reason, headers) = describe(error)
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

    private func describe(_ error: any Error) -> (HTTPStatus, String, HTTPHeaders) {
        if let abort = error as? any AbortError {
            let reason =
                abort.status == .payloadTooLarge
                ? "The request body is too large; the limit is 64 KB." : abort.reason
            return (abort.status, reason, abort.headers)
        }
        if let decoding = error as? DecodingError {
            return (.badRequest, "The request body could not be read: \(CatalogImport.describe(decoding))", [:])
        }
        return (.internalServerError, "Something went wrong on our side; it has been logged.", [:])
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
