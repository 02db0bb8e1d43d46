import Foundation
import Vapor
import VaporTesting

extension Application {
    /// Sends a request in memory; `json` is sent as the body with a JSON content type.
    func send(
        _ method: HTTPMethod, _ path: String, json: String? = nil, form: String? = nil, cookie: String? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        } else if let form {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: form)
        }
        if let cookie { headers.add(name: .cookie, value: "verdict_voter=\(cookie)") }
        return try await testing().sendRequest(method, path, headers: headers, body: body)
    }

    /// A page's text, read anonymously.
    func page(_ path: String) async throws -> String {
        try await testing().sendRequest(.GET, path).text
    }
}

extension TestingHTTPResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The value of the `verdict_voter` cookie this response sets, if any.
    var voterCookie: String? { headers.setCookie?["verdict_voter"]?.string }
}
