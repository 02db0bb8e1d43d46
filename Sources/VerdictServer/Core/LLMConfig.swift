import Foundation
import VerdictCore
import Yams

/// One OpenAI-compatible chat-completions endpoint the panel can use.
public struct LLMBackend: Sendable, Hashable {
    public var name: String
    /// Up to and including the version path, e.g. `http://127.0.0.1:11434/v1`.
    public var baseURL: String
    public var model: String
    /// Per-persona models, so the panel can be a jury of different models.
    public var personaModels: [Persona: String] = [:]
    /// Name of the environment variable holding the API key; the key itself is never stored.
    public var apiKeyEnv: String?
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

    /// The API key read from the named environment variable at call time.
    func apiKey(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        apiKeyEnv.flatMap { env[$0] }.flatMap { $0.isEmpty ? nil : $0 }
    }
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

    /// `VERDICT_LLM_CONFIG` (a YAML file with several backends) or the simple variables
    /// `VERDICT_LLM_BASE_URL`, `VERDICT_LLM_MODEL`, `VERDICT_LLM_API_KEY` (+ optional
    /// `VERDICT_LLM_PRICE_INPUT`, `_OUTPUT` per million tokens, `_CONCURRENCY`, `_TIMEOUT`).
    static func fromEnvironment(_ env: [String: String]) throws -> LLMConfig {
        if let path = env["VERDICT_LLM_CONFIG"], !path.isEmpty {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ConfigError("VERDICT_LLM_CONFIG: cannot read '\(path)'")
            }
            return try LLMConfigFile.parse(text, source: path)
        }
        guard let base = env["VERDICT_LLM_BASE_URL"], !base.isEmpty else { return LLMConfig(backends: []) }
        guard let model = env["VERDICT_LLM_MODEL"], !model.isEmpty else {
            throw ConfigError("VERDICT_LLM_BASE_URL is set, so VERDICT_LLM_MODEL must name the model")
        }
        var backend = LLMBackend(name: env["VERDICT_LLM_NAME"] ?? "default", baseURL: base, model: model)
        backend.apiKeyEnv = "VERDICT_LLM_API_KEY"
        if let c = env["VERDICT_LLM_CONCURRENCY"].flatMap(Int.init), c > 0 { backend.maxConcurrency = c }
        if let t = env["VERDICT_LLM_TIMEOUT"].flatMap(Double.init), t > 0 { backend.timeoutSeconds = t }
        if let i = env["VERDICT_LLM_PRICE_INPUT"].flatMap(Double.init), let o = env["VERDICT_LLM_PRICE_OUTPUT"].flatMap(Double.init) {
            backend.pricing = Pricing(inputPerMTok: i, outputPerMTok: o, cachedInputPerMTok: nil)
        }
        return LLMConfig(backends: [backend])
    }
}
