import Synchronization
import Testing
import Vapor

@testable import VerdictServer

@Suite("Shutdown waits for running request handlers")
struct InFlightRequestsTests {
    /// A handler that returns only when the test opens its gate.
    struct GatedResponder: AsyncResponder {
        let gate: AsyncStream<Void>

        func respond(to request: Request) async throws -> Response {
            for await _ in gate { break }
            return Response(status: .ok)
        }
    }

    @Test("The databases are not shut down under a handler that is still running (the bench's SIGINT crash)")
    func drainWaitsForHandlers() async throws {
        let app = try await Application.make(.testing)
        let inFlight = InFlightRequests()
        let (gate, open) = AsyncStream<Void>.makeStream()
        let request = Request(application: app, on: app.eventLoopGroup.next())
        let handler = Task { try await inFlight.respond(to: request, chainingTo: GatedResponder(gate: gate)) }
        while inFlight.current == 0 { try await Task.sleep(for: .milliseconds(5)) }

        let drained = Mutex(false)
        let drain = Task {
            await DrainInFlightRequests(requests: inFlight).shutdownAsync(app)
            drained.withLock { $0 = true }
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(!drained.withLock { $0 }, "shutdown went on while a handler was running")
        open.yield()
        open.finish()
        #expect(try await handler.value.status == .ok)
        await drain.value
        #expect(drained.withLock { $0 } && inFlight.current == 0)
        try await app.asyncShutdown()
    }
}
