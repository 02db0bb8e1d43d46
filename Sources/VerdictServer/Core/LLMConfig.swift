import Foundation
import VerdictCore

/// One OpenAI-compatible chat-completions endpoint the panel can use.
public struct LLMBackend: Sendable, Hashable {
    public var name: String
    /// Up to and including the version path, e.g. `http://127.0.0.1:11434/v1`.
    public var baseURL: String
    public var model: String
    /// Per-persona models, so the panel can be a jury of different models.
    public var personaModels: [Persona: String] = [:]
    /// Name of the environment variable holding the API key, for `verdict config`.
    public var apiKeyEnv: String?
    /// The API key, read from `apiKeyEnv` once at start-up; never written anywhere.
    public var apiKey: String?
    public var temperature: Double = 0.2
    public var timeoutSeconds: Double = 60
    public var maxConcurrency: Int = 4
    public var pricing: Pricing?
    /// Ask for `response_format: json_schema` (OpenAI, Gemini, vLLM, llama.cpp, Ollama accept it).
    public var jsonSchema: Bool = true

    public init(name: String, baseURL: String, model: String) {
        self.name = name
        self.baseURL = baseURL
        self.model = model
    }

    public func model(for persona: Persona) -> String { personaModels[persona] ?? model }
}

/// The configured backends; the first is the default.
public struct LLMConfig: Sendable, Hashable {
    public var backends: [LLMBackend]

    public init(backends: [LLMBackend]) {
        self.backends = backends
    }

    public var isEmpty: Bool { backends.isEmpty }
    public var defaultBackend: LLMBackend? { backends.first }

    public func backend(named name: String?) -> LLMBackend? {
        guard let name else { return defaultBackend }
        return backends.first { $0.name == name }
    }
}
