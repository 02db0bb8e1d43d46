import Testing
import Vapor
import VaporTesting

@testable import VerdictServer

@Suite("A busy connection pool is a 503 with Retry-After, not a 500")
struct PoolBusyTests {
    @Test("ConnectionPoolTimeoutError becomes 503 with Retry-After and a readable reason")
    func poolTimeoutIs503() async throws {
        let app = try await Application.make(.testing)
        app.middleware.use(ErrorRenderingMiddleware())
        app.get("api", "busy") { _ -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }
        do {
            try await app.testing().test(.GET, "/api/busy") { res in
                #expect(res.status == .serviceUnavailable)
                #expect(res.headers.first(name: .retryAfter) == "5")
                #expect(res.body.string.contains("busy"))
            }
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
