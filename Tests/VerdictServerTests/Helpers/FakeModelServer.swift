import Foundation
import NIOConcurrencyHelpers
import Vapor

@testable import VerdictServer

/// A local HTTP server speaking the OpenAI chat-completions wire format, on a free loopback
/// port, that can be told to answer, be slow, rate-limit, fail, or return malformed output.
final class FakeModelServer: Sendable {
    enum Reply: Sendable {
        /// A normal completion whose message content is `content`.
        case content(String, prompt: Int = 900, cached: Int = 0, completion: Int = 180)
        case status(Int, body: String, headers: [String: String] = [:])
        /// Answers `then` after a delay (for timeouts and latency).
        indirect case slow(Double, then: Reply)
        /// 200 with a body that is not a chat completion.
        case raw(String)
        /// 200 at once, then a body of `bytes` spaces, one every `interval` seconds (a slow drip).
        case drip(interval: Double, bytes: Int)
    }

    let app: Application
    private let boundPort = NIOLockedValueBox(0)
    private let script: NIOLockedValueBox<@Sendable (Int, [String: Any]) -> Reply>
    private let received = NIOLockedValueBox<[Data]>([])

    /// Every request body received so far, parsed.
    var requests: [[String: Any]] {
        received.withLockedValue { $0 }.map { (try? JSONSerialization.jsonObject(with: $0) as? [String: Any]) ?? [:] }
    }
    var port: Int { boundPort.withLockedValue { $0 } }

    static func start(_ script: @escaping @Sendable (Int, [String: Any]) -> Reply) async throws -> FakeModelServer {
        let app = try await Application.make(.testing)
        let server = FakeModelServer(app: app, script: script)
        app.on(.POST, "v1", "chat", "completions", body: .collect(maxSize: "4mb")) { req async throws -> Response in
            try await server.respond(req)
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        server.boundPort.withLockedValue { $0 = app.http.server.shared.localAddress?.port ?? 0 }
        return server
    }

    private init(app: Application, script: @escaping @Sendable (Int, [String: Any]) -> Reply) {
        self.app = app
        self.script = NIOLockedValueBox(script)
    }

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    private func respond(_ req: Request) async throws -> Response {
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let body = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        let index = received.withLockedValue { r in
            r.append(data)
            return r.count - 1
        }
        return try await render(script.withLockedValue { $0 }(index, body))
    }

    private func render(_ reply: Reply) async throws -> Response {
        switch reply {
        case .content(let content, let prompt, let cached, let completion):
            let object: [String: Any] = [
                "id": "fake", "object": "chat.completion",
                "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]],
                "usage": [
                    "prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
                    "prompt_tokens_details": ["cached_tokens": cached],
                ],
            ]
            return json(200, try JSONSerialization.data(withJSONObject: object))
        case .status(let code, let body, let headers):
            let res = json(code, Data(body.utf8))
            for (k, v) in headers { res.headers.replaceOrAdd(name: k, value: v) }
            return res
        case .slow(let seconds, let then):
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            return try await render(then)
        case .raw(let text):
            return json(200, Data(text.utf8))
        case .drip(let interval, let bytes):
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(
                status: .ok, headers: headers,
                body: .init(
                    asyncStream: { writer in
                        // The client hangs up mid-drip; the stream must still be ended, or Vapor traps.
                        do {
                            for _ in 0..<bytes {
                                try await writer.write(.buffer(ByteBuffer(string: " ")))
                                try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
                            }
                            try await writer.write(.end)
                        } catch {
                            try? await writer.write(.error(error))
                        }
                    }, count: bytes))
        }
    }

    private func json(_ code: Int, _ data: Data) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: HTTPStatus(statusCode: code), headers: headers, body: .init(data: data))
    }
}

/// A valid take as a model would return it.
func takeJSON(_ verdict: String = "ship", persona: String = "builder", words: Int = 110) -> String {
    let text = (0..<words).map { i in i % 12 == 11 ? "facts." : "fact\(i % 7)" }.joined(separator: " ")
    return #"{"verdict":"\#(verdict)","conviction":"clear","flip":null,"text":"\#(text)","relied_on":["api","pricing_published"]}"#
}
