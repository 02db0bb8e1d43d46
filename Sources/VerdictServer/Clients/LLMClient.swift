import Foundation
import VerdictCore

/// A chat-completions call, independent of transport.
struct ChatRequest: Sendable {
    var backend: LLMBackend
    var model: String
    var messages: [ChatMessage]
    /// JSON Schema for the reply, sent as `response_format` when the backend accepts it.
    var schema: String?
}

/// What came back: the assistant's text and what it cost.
struct ChatReply: Sendable {
    var content: String
    var usage: TokenUsage
    var latencyMS: Int
}

/// Any OpenAI-compatible endpoint. Live calls go through `LiveLLMClient`; tests use a local
/// server speaking the same wire format, or a closure.
protocol LLMClient: Sendable {
    func complete(_ request: ChatRequest) async throws(CallFailure) -> ChatReply
}

/// A client answering from a closure; for tests and benchmarks that need no socket.
struct ClosureLLMClient: LLMClient {
    let handler: @Sendable (ChatRequest) async throws(CallFailure) -> ChatReply

    func complete(_ request: ChatRequest) async throws(CallFailure) -> ChatReply {
        try await handler(request)
    }
}
