import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import VerdictCore

/// Calls `{base_url}/chat/completions` with AsyncHTTPClient. Tolerates the fields that
/// OpenAI-compatible servers omit (usage, cached-token details) and never logs the API key.
struct LiveLLMClient: LLMClient {
    let http: HTTPClient
    /// Dates a `Retry-After` header given as an HTTP date.
    let clock: AppClock
    /// Replies larger than this are refused as malformed: a valid take is a few kilobytes.
    static let maxReplyBytes = 1024 * 1024

    func complete(_ request: ChatRequest) async throws(CallFailure) -> ChatReply {
        let started = ContinuousClock.now
        var req = HTTPClientRequest(url: request.backend.baseURL.trimmingSuffix("/") + "/chat/completions")
        req.method = .POST
        req.headers.add(name: "Content-Type", value: "application/json")
        if let key = request.backend.apiKey { req.headers.add(name: "Authorization", value: "Bearer \(key)") }
        req.body = .bytes(ByteBuffer(data: Self.body(request)))
        let response: Fetched
        do {
            response = try await Self.fetch(req, http: http, seconds: request.backend.timeoutSeconds)
        } catch {
            throw Self.transportFailure(error)
        }
        let text = String(buffer: response.body)
        if let failure = CallFailure.classify(
            status: Int(response.status.code), body: text, retryAfterHeader: response.headers.first(name: "Retry-After"), now: clock.now())
        {
            throw failure
        }
        let elapsed = started.duration(to: .now).components
        return try Self.reply(text, latencyMS: Int(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000))
    }

    typealias Fetched = HTTPDeadline.Fetched

    /// The whole exchange within `seconds`, the reply capped at `maxReplyBytes` (`HTTPDeadline`).
    static func fetch(_ req: HTTPClientRequest, http: HTTPClient, seconds: Double) async throws -> Fetched {
        try await HTTPDeadline.fetch(req, http: http, seconds: seconds, maxBytes: maxReplyBytes)
    }

    static func body(_ request: ChatRequest) -> Data {
        var body: [String: Any] = [
            "model": request.model,
            "messages": request.messages.map { ["role": $0.role, "content": $0.content] },
            "temperature": request.backend.temperature,
        ]
        if request.backend.jsonSchema, let schema = request.schema,
            let object = try? JSONSerialization.jsonObject(with: Data(schema.utf8))
        {
            body["response_format"] = ["type": "json_schema", "json_schema": ["name": "take", "strict": true, "schema": object]]
        }
        // Only strings, numbers, arrays and dictionaries: serialisation cannot fail.
        return (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
    }

    static func reply(_ text: String, latencyMS: Int) throws(CallFailure) -> ChatReply {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw .malformed(reason: "the reply is not JSON (\(text.count) characters)")
        }
        guard let choices = object["choices"] as? [[String: Any]], let message = choices.first?["message"] as? [String: Any],
            let content = message["content"] as? String
        else {
            throw .malformed(reason: "the reply has no choices[0].message.content")
        }
        let usage = object["usage"] as? [String: Any] ?? [:]
        let details = usage["prompt_tokens_details"] as? [String: Any] ?? [:]
        let tokens = TokenUsage(
            prompt: usage["prompt_tokens"] as? Int ?? 0,
            cached: details["cached_tokens"] as? Int ?? usage["cached_tokens"] as? Int ?? 0,
            completion: usage["completion_tokens"] as? Int ?? 0)
        return ChatReply(content: content, usage: tokens, latencyMS: latencyMS)
    }

    static func transportFailure(_ error: any Error) -> CallFailure {
        if let e = error as? HTTPClientError, e == .deadlineExceeded || e == .readTimeout || e == .connectTimeout {
            return .timeout
        }
        let text = String(describing: error).lowercased()
        if text.contains("refused") || text.contains("connect") { return .connectionRefused }
        if text.contains("timeout") || text.contains("deadline") { return .timeout }
        if error is NIOTooManyBytesError || text.contains("toolong") || text.contains("too long") {
            return .malformed(reason: "the reply is over \(maxReplyBytes / 1024 / 1024) MB")
        }
        return .malformed(reason: "the connection failed mid-reply")
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var s = self
        while s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s
    }
}
