import Vapor

/// Refuses a query string that is too long (414), or has too many parameters or brackets
/// (400), before anything decodes it.
///
/// Vapor's form decoder spends about a second of CPU on a 76 KB query of 6,000 bracketed keys
/// (`a[0]=0&a[1]=1…`), and any route that reads one query value pays it, so four such clients
/// stalled the whole site. No page or API call needs more than a handful of flat parameters.
/// Only the middlewares before this one (logging, headers, error rendering) run first, and none
/// of them reads the query.
struct QueryLimitMiddleware: AsyncMiddleware {
    static let maxBytes = 2048
    static let maxParameters = 32
    /// Opening brackets, literal or percent-encoded: nesting and arrays in a query.
    static let maxBrackets = 8

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = request.url.query, let refusal = Self.refusal(query) {
            throw refusal
        }
        return try await next.respond(to: request)
    }

    /// Why `query` is refused, or nil; one pass over its bytes, however long.
    static func refusal(_ query: String) -> Abort? {
        let bytes = query.utf8.count
        if bytes > maxBytes {
            return Abort(.uriTooLong, reason: "The query string is \(bytes) bytes long; at most \(maxBytes) are accepted.")
        }
        var parameters = query.isEmpty ? 0 : 1
        var brackets = 0
        var (twoBack, oneBack): (UInt8, UInt8) = (0, 0)
        for byte in query.utf8 {
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: ";") { parameters += 1 }
            if byte == UInt8(ascii: "[") { brackets += 1 }
            // "%5B" or "%5b", which the decoder reads as a bracket too.
            if twoBack == UInt8(ascii: "%"), oneBack == UInt8(ascii: "5"), byte | 0x20 == UInt8(ascii: "b") { brackets += 1 }
            (twoBack, oneBack) = (oneBack, byte)
        }
        if parameters > maxParameters {
            return Abort(.badRequest, reason: "The query string has \(parameters) parameters; at most \(maxParameters) are accepted.")
        }
        if brackets > maxBrackets {
            return Abort(
                .badRequest,
                reason: "The query string has \(brackets) brackets; at most \(maxBrackets) are accepted (no nested or indexed parameters).")
        }
        return nil
    }
}
