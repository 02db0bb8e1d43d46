/// What a reader expects to send through a tool: the basis of "what would this cost me".
public struct Workload: Codable, Sendable, Hashable {
    /// Prompt tokens, cached ones included.
    public var inputTokens: Int
    public var outputTokens: Int
    /// The part of `inputTokens` served from the prompt cache.
    public var cachedInputTokens: Int

    public init(inputTokens: Int, outputTokens: Int, cachedInputTokens: Int = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
    }

    /// The context size that selects price tiers: the whole prompt.
    public var contextTokens: Int { max(inputTokens, 0) }
}
