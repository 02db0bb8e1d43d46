import Vapor

extension Endpoint {
    /// A handler for one endpoint, whatever it answers (a page, a DTO, a redirect).
    struct Handler: Sendable {
        let respond: @Sendable (Request) async throws -> Response

        init<Answer: AsyncResponseEncodable>(_ handler: @escaping @Sendable (Request) async throws -> Answer) {
            respond = { req in try await handler(req).encodeResponse(for: req) }
        }
    }

    /// How this route reads its body: in full, up to its own limit or the app's default.
    var bodyStrategy: HTTPBodyStreamStrategy {
        .collect(maxSize: maxBodyBytes.map { ByteCount(value: $0) })
    }
}

extension RoutesBuilder {
    /// Registers `endpoint` with its method, path, body limit and access rule from the table.
    @discardableResult
    func register(_ endpoint: Endpoint, use handler: Endpoint.Handler) -> Route {
        on(endpoint.method, endpoint.pattern, body: endpoint.bodyStrategy, use: handler.respond)
            .access(endpoint.access)
            .endpoint(endpoint)
    }
}

extension Route {
    private static let endpointKey: AnySendableHashable = "verdict.endpoint"

    /// The table row this route was registered from.
    var endpoint: Endpoint? { userInfo[Self.endpointKey] as? Endpoint }

    @discardableResult
    fileprivate func endpoint(_ endpoint: Endpoint) -> Route {
        userInfo[Self.endpointKey] = endpoint
        return self
    }
}
