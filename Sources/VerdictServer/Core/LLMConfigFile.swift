import Foundation
import VerdictCore
import Yams

/// The YAML form of `VERDICT_LLM_CONFIG`:
///
/// ```yaml
/// backends:
///   - name: gemini
///     base_url: https://generativelanguage.googleapis.com/v1beta/openai
///     model: gemini-2.5-flash
///     api_key_env: GEMINI_API_KEY
///     persona_models: {skeptic: gemini-2.5-pro}
///     temperature: 0.2
///     timeout_seconds: 60
///     max_concurrency: 4
///     price_per_mtok: {input: 0.30, output: 2.50, cached_input: 0.075}
///     json_schema: true
/// ```
enum LLMConfigFile {
    struct File: Decodable {
        var backends: [Entry]
    }

    struct Entry: Decodable {
        var name: String
        var base_url: String
        var model: String
        var api_key_env: String?
        var persona_models: [String: String]?
        var temperature: Double?
        var timeout_seconds: Double?
        var max_concurrency: Int?
        var price_per_mtok: Price?
        var json_schema: Bool?
    }

    struct Price: Decodable {
        var input: Double
        var output: Double
        var cached_input: Double?
    }

    static func parse(_ text: String, source: String) throws -> LLMConfig {
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw ConfigError("\(source): not a valid backends file (\(error))")
        }
        var seen = Set<String>()
        let backends = try file.backends.enumerated().map { i, e in
            guard seen.insert(e.name).inserted else { throw ConfigError("\(source): backends[\(i)] repeats the name '\(e.name)'") }
            guard let url = URL(string: e.base_url), ["http", "https"].contains(url.scheme ?? "") else {
                throw ConfigError("\(source): backends[\(i)] (\(e.name)) base_url must be an http(s) URL")
            }
            var b = LLMBackend(name: e.name, baseURL: e.base_url, model: e.model)
            b.apiKeyEnv = e.api_key_env
            for (key, model) in e.persona_models ?? [:] {
                guard let p = Persona(rawValue: key) else {
                    throw ConfigError("\(source): backends[\(i)] persona_models has unknown persona '\(key)'")
                }
                b.personaModels[p] = model
            }
            b.temperature = e.temperature ?? b.temperature
            b.timeoutSeconds = e.timeout_seconds ?? b.timeoutSeconds
            b.maxConcurrency = max(1, e.max_concurrency ?? b.maxConcurrency)
            b.pricing = e.price_per_mtok.map { Pricing(inputPerMTok: $0.input, outputPerMTok: $0.output, cachedInputPerMTok: $0.cached_input) }
            b.jsonSchema = e.json_schema ?? true
            return b
        }
        return LLMConfig(backends: backends)
    }
}
