import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor

@testable import VerdictServer

/// A loopback HTTP server publishing one dataset file at `/data.json`, told what to answer next:
/// a body (with an ETag, answering 304 to a matching `If-None-Match`), a status, or a body that
/// never ends.
final class FakeDatasetServer: Sendable {
    enum Reply: Sendable {
        case body(Data, etag: String?)
        case status(Int)
        /// 200 with a JSON-looking body of a byte every `interval` seconds, for ever.
        case endless(interval: Double)
    }

    let app: Application
    private let boundPort = NIOLockedValueBox(0)
    private let reply = NIOLockedValueBox(Reply.status(404))
    private let conditional = NIOLockedValueBox<[String]>([])

    var port: Int { boundPort.withLockedValue { $0 } }
    var url: String { "http://127.0.0.1:\(port)/data.json" }
    /// The `If-None-Match` values received, in order ("" when absent).
    var ifNoneMatch: [String] { conditional.withLockedValue { $0 } }

    func answer(_ next: Reply) { reply.withLockedValue { $0 = next } }

    static func start() async throws -> FakeDatasetServer {
        let app = try await Application.make(.testing)
        let server = FakeDatasetServer(app: app)
        app.get("data.json") { req async throws -> Response in server.respond(req) }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        server.boundPort.withLockedValue { $0 = app.http.server.shared.localAddress?.port ?? 0 }
        return server
    }

    private init(app: Application) { self.app = app }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    private func respond(_ req: Request) -> Response {
        let sent = req.headers.first(name: "If-None-Match") ?? ""
        conditional.withLockedValue { $0.append(sent) }
        switch reply.withLockedValue({ $0 }) {
        case .body(let data, let etag):
            if let etag, sent == etag { return Response(status: .notModified) }
            let res = Response(status: .ok, body: .init(data: data))
            if let etag { res.headers.replaceOrAdd(name: "ETag", value: etag) }
            return res
        case .status(let code):
            return Response(status: HTTPResponseStatus(statusCode: code), body: .init(string: "{\"error\": \"down\"}"))
        case .endless(let interval):
            let body = Response.Body(asyncStream: { writer in
                // Until the client hangs up; the stream is then ended, as Vapor requires.
                do {
                    try await writer.write(.buffer(ByteBuffer(string: "{\"openai\": {\"models\": {")))
                    for _ in 0..<Int(600 / interval) {
                        try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
                        try await writer.write(.buffer(ByteBuffer(string: " ")))
                    }
                } catch {}
                try? await writer.write(.end)
            })
            return Response(status: .ok, body: body)
        }
    }
}
