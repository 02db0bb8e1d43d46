import NIOConcurrencyHelpers
import Vapor

/// Counts the requests whose handlers are still running, so shutting down waits for them.
///
/// A reader who disconnects does not stop their request's handler, and Vapor's server counts
/// only open connections: at the end of a load test, or when a load balancer drops connections
/// for a rolling deploy, handlers can still be running when the database pools are shut down,
/// and a handler that then asks for a database stopped the process (`req.db` traps once the
/// databases are shut down). `DrainInFlightRequests` waits, before the storage (and with it the
/// pools) is shut down, until every counted handler has returned or `drainLimit` has passed.
final class InFlightRequests: AsyncMiddleware, Sendable {
    private let count = NIOLockedValueBox(0)

    var current: Int { count.withLockedValue { $0 } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        count.withLockedValue { $0 += 1 }
        defer { count.withLockedValue { $0 -= 1 } }
        return try await next.respond(to: request)
    }
}

/// Waits on shutdown for the handlers `InFlightRequests` counts, for at most `drainLimit`.
struct DrainInFlightRequests: LifecycleHandler {
    let requests: InFlightRequests
    static let drainLimit: Duration = .seconds(10)

    func shutdownAsync(_ application: Application) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.drainLimit)
        while requests.current > 0, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if requests.current > 0 {
            application.logger.warning("Shutting down with \(requests.current) request handlers still running")
        }
    }
}
