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
            throw SettingsError("\(source): not a valid backends file (\(error))")
        }
        var seen = Set<String>()
        let backends = try file.backends.enumerated().map { i, e in
            guard seen.insert(e.name).inserted else { throw SettingsError("\(source): backends[\(i)] repeats the name '\(e.name)'") }
            return try backend(e, at: "\(source): backends[\(i)] (\(e.name))")
        }
        return LLMConfig(backends: backends)
    }

    /// One entry as a backend; `place` starts every message ("file: backends[2] (name)").
    static func backend(_ e: Entry, at place: String) throws -> LLMBackend {
        guard let url = URL(string: e.base_url), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw SettingsError("\(place) base_url must be an http(s) URL with a host")
        }
        var b = LLMBackend(name: e.name, baseURL: e.base_url, model: e.model)
        b.apiKeyEnv = e.api_key_env
        for (key, model) in e.persona_models ?? [:] {
            guard let p = Persona(rawValue: key) else { throw SettingsError("\(place) persona_models has unknown persona '\(key)'") }
            b.personaModels[p] = model
        }
        func check<T: Comparable>(_ field: String, _ value: T?, _ range: ClosedRange<T>) throws -> T? {
            guard let value, !range.contains(value) else { return value }  // NaN is in no range
            throw SettingsError("\(place) \(field) is \(value): expected \(range.lowerBound) to \(range.upperBound)")
        }
        b.temperature = try check("temperature", e.temperature, 0...2) ?? b.temperature
        b.timeoutSeconds = try check("timeout_seconds", e.timeout_seconds, Settings.llmTimeoutRange) ?? b.timeoutSeconds
        b.maxConcurrency = try check("max_concurrency", e.max_concurrency, Settings.llmConcurrencyRange) ?? b.maxConcurrency
        if let p = e.price_per_mtok {
            for (field, value) in [("input", p.input), ("output", p.output), ("cached_input", p.cached_input ?? 0)] {
                _ = try check("price_per_mtok.\(field)", value, Settings.llmPriceRange)
            }
            b.pricing = Pricing(inputPerMTok: p.input, outputPerMTok: p.output, cachedInputPerMTok: p.cached_input)
        }
        b.jsonSchema = e.json_schema ?? true
        return b
    }
}
