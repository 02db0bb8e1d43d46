import Foundation
import VerdictCore

extension Settings {
    /// Longest model call allowed, in seconds: beyond it a panel job would hold its lease for
    /// ever, and far beyond it the timeout no longer fits in nanoseconds.
    static let llmTimeoutRange = 0.1...3600.0
    static let llmConcurrencyRange = 1...256
    /// USD per million tokens; anything above is a typo, not a price.
    static let llmPriceRange = 0.0...100_000.0

    /// `VERDICT_LLM_CONFIG` (a YAML file with several backends) or the single backend the
    /// `VERDICT_LLM_*` variables describe. The single-backend variables are checked even when
    /// the file wins, so a typo in them is never silently ignored.
    static func readLLM(_ r: inout SettingsReader) throws -> LLMConfig {
        let path = try r.readOptional("VERDICT_LLM_CONFIG", unset: "unset", expected: "a YAML file path", parse: { $0 })
        let single = try readSingleBackend(&r)
        guard let path else { return LLMConfig(backends: single.map { [$0] } ?? []) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SettingsError("VERDICT_LLM_CONFIG=\(SettingsReader.quoted(path)) cannot be read: expected a readable YAML file")
        }
        var config = try LLMConfigFile.parse(text, source: path)
        for i in config.backends.indices {
            let backend = config.backends[i]
            config.backends[i].apiKey = backend.apiKeyEnv.flatMap { r.raw($0)?.value }
            r.note("llm.\(backend.name)", "\(backend.model) at \(backend.baseURL)", .file(path))
            let key = backend.apiKeyEnv.map { config.backends[i].apiKey == nil ? "\($0) is unset" : "set (hidden) from \($0)" }
            r.note("llm.\(backend.name).api_key", key ?? "none", .file(path))
        }
        return config
    }

    /// The backend of `VERDICT_LLM_BASE_URL` and friends, or nil when no base URL is set.
    static func readSingleBackend(_ r: inout SettingsReader) throws -> LLMBackend? {
        let base = try r.readOptional(
            "VERDICT_LLM_BASE_URL", unset: "unset: the panel uses the offline rubric only",
            expected: "an http:// or https:// URL with a host, such as http://127.0.0.1:11434/v1",
            parse: SettingParse.httpURL(originOnly: false))
        let model = try r.readOptional("VERDICT_LLM_MODEL", unset: "unset", expected: "a model name", parse: { $0 })
        let name = try r.read("VERDICT_LLM_NAME", default: "default", expected: "a backend name", show: { $0 }, parse: { $0 })
        let apiKey = try r.readOptional("VERDICT_LLM_API_KEY", unset: "unset", expected: "an API key", secrecy: .secret, parse: { $0 })
        let concurrency = try r.read(
            "VERDICT_LLM_CONCURRENCY", default: 4, expected: SettingParse.intExpected(llmConcurrencyRange),
            show: String.init, parse: SettingParse.int(in: llmConcurrencyRange))
        let timeout = try r.read(
            "VERDICT_LLM_TIMEOUT", default: 60,
            expected: "seconds from \(llmTimeoutRange.lowerBound) to \(Int(llmTimeoutRange.upperBound))",
            show: { "\($0)" }, parse: SettingParse.double(in: llmTimeoutRange))
        let pricing = try readPricing(&r)
        guard let base else { return nil }
        guard let model else {
            throw SettingsError("VERDICT_LLM_MODEL is unset: VERDICT_LLM_BASE_URL is set, so expected the model's name")
        }
        var backend = LLMBackend(name: name, baseURL: base, model: model)
        backend.apiKeyEnv = "VERDICT_LLM_API_KEY"
        backend.apiKey = apiKey
        backend.maxConcurrency = concurrency
        backend.timeoutSeconds = timeout
        backend.pricing = pricing
        return backend
    }

    static func readPricing(_ r: inout SettingsReader) throws -> Pricing? {
        let expected = "USD per million tokens from 0 to \(Int(llmPriceRange.upperBound)), such as 0.30"
        let parse = SettingParse.double(in: llmPriceRange)
        let input = try r.readOptional("VERDICT_LLM_PRICE_INPUT", unset: "unset", expected: expected, parse: parse)
        let output = try r.readOptional("VERDICT_LLM_PRICE_OUTPUT", unset: "unset", expected: expected, parse: parse)
        switch (input, output) {
        case (let i?, let o?): return Pricing(inputPerMTok: i, outputPerMTok: o, cachedInputPerMTok: nil)
        case (nil, nil): return nil
        case (nil, _): throw SettingsError("VERDICT_LLM_PRICE_INPUT is unset: VERDICT_LLM_PRICE_OUTPUT is set, so expected both")
        case (_, nil): throw SettingsError("VERDICT_LLM_PRICE_OUTPUT is unset: VERDICT_LLM_PRICE_INPUT is set, so expected both")
        }
    }
}
