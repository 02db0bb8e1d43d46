/// A backend's prices in USD per million tokens, as the operator configures them.
public struct Pricing: Codable, Sendable, Hashable {
    public var inputPerMTok: Double
    public var outputPerMTok: Double
    /// The discounted rate for cached prompt tokens; when nil they cost the full input rate.
    public var cachedInputPerMTok: Double?

    public init(inputPerMTok: Double, outputPerMTok: Double, cachedInputPerMTok: Double? = nil) {
        self.inputPerMTok = inputPerMTok
        self.outputPerMTok = outputPerMTok
        self.cachedInputPerMTok = cachedInputPerMTok
    }

    /// Free, for local backends (Ollama, llama.cpp) that nobody bills.
    public static let free = Pricing(inputPerMTok: 0, outputPerMTok: 0)

    /// USD for one call. Cached tokens are a subset of prompt tokens, so they are clamped to it:
    /// a provider that reported more cached than prompt tokens must not make a call cheaper than free.
    public func cost(_ usage: TokenUsage) -> Double {
        let prompt = max(usage.prompt, 0)
        let cached = min(max(usage.cached, 0), prompt)
        let input = Double(prompt - cached) * inputPerMTok + Double(cached) * (cachedInputPerMTok ?? inputPerMTok)
        return (input + Double(max(usage.completion, 0)) * outputPerMTok) / 1_000_000
    }
}
