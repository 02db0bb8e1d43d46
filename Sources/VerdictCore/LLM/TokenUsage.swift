/// Tokens one call used, as the provider reports them. `cached` is the part of `prompt` the
/// provider served from its prefix cache (OpenAI's `prompt_tokens_details.cached_tokens`).
public struct TokenUsage: Codable, Sendable, Hashable {
    public var prompt: Int
    public var cached: Int
    public var completion: Int

    public init(prompt: Int, cached: Int = 0, completion: Int) {
        self.prompt = prompt
        self.cached = cached
        self.completion = completion
    }

    public static let zero = TokenUsage(prompt: 0, cached: 0, completion: 0)

    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(prompt: lhs.prompt + rhs.prompt, cached: lhs.cached + rhs.cached, completion: lhs.completion + rhs.completion)
    }
}
