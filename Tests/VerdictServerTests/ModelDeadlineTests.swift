import AsyncHTTPClient
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// A hostile or broken model endpoint cannot hold a call open or hand over an unbounded reply
/// (issue 17, finding 2: a reply dripped a byte a second kept `panel run` blocked 200 s+).
@Suite("A model call has a total deadline and a size cap")
struct ModelDeadlineTests {
    /// One live call to a fake server answering `reply`, and the seconds it took.
    static func call(_ reply: FakeModelServer.Reply, timeout: Double) async throws -> (Result<ChatReply, CallFailure>, Double) {
        let fake = try await FakeModelServer.start { _, _ in reply }
        var backend = LLMBackend(name: "fake", baseURL: fake.baseURL, model: "m")
        backend.timeoutSeconds = timeout
        let client = LiveLLMClient(http: HTTPClient.shared, clock: .system)
        let request = ChatRequest(backend: backend, model: "m", messages: [ChatMessage(role: "user", content: "hi")], schema: nil)
        let start = ContinuousClock.now
        let result: Result<ChatReply, CallFailure>
        do {
            result = .success(try await client.complete(request))
        } catch {
            result = .failure(error)
        }
        let took = start.duration(to: .now)
        try await fake.stop()
        return (result, Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18)
    }

    @Test("A reply dripped a byte at a time fails at the deadline, not when the server is done")
    func slowDrip() async throws {
        // 600 bytes at 10 a second: a minute of drip against a 1 s deadline.
        let (result, seconds) = try await Self.call(.drip(interval: 0.1, bytes: 600), timeout: 1)
        guard case .failure(let failure) = result else {
            Issue.record("a dripped reply was accepted")
            return
        }
        #expect(failure == .timeout)
        // The drip would last 60 s; ending well before that is the deadline working. The bound is
        // loose because a fresh-clone CI run (the whole suite in parallel on 2 cores, bcrypt and
        // page renders beside it) once woke the 1 s timer after 13.8 s.
        #expect(seconds < 30, "the call took \(seconds) s against a 1 s deadline and a 60 s drip")
    }

    @Test("A reply over the size cap is refused as malformed, naming the cap")
    func oversized() async throws {
        let huge = String(repeating: " ", count: LiveLLMClient.maxReplyBytes + 1)
        // A generous deadline: this is about the cap, and a saturated CI machine (the whole suite
        // in parallel on 2 cores) once took over 10 s to hand 1 MB over loopback.
        let (result, _) = try await Self.call(.raw(huge), timeout: 60)
        guard case .failure(.malformed(let reason)) = result else {
            Issue.record("an oversized reply gave \(result)")
            return
        }
        #expect(reason.contains("1 MB"))
    }

    @Test("An ordinary reply within the deadline is read whole")
    func ordinary() async throws {
        // A generous deadline, as above: the whole suite in parallel on 2 cores once took 15 s
        // to start the local endpoint and answer.
        let (result, _) = try await Self.call(.content(takeJSON()), timeout: 60)
        #expect((try? result.get())?.content == takeJSON(), "got \(result)")
    }
}
