import Foundation

/// One priced unit of an offer, in USD, with the context-size tiers that replace it on long prompts.
public struct Price: Codable, Sendable, Hashable {
    public var unit: PricedUnit
    /// USD per 1M tokens for token units, per one unit otherwise.
    public var amount: Decimal
    /// Dearer (or cheaper) amounts that apply once the context is above a size, lowest size first.
    public var tiers: [PriceTier]

    public init(_ unit: PricedUnit, _ amount: Decimal, tiers: [PriceTier] = []) {
        self.unit = unit
        self.amount = amount
        self.tiers = tiers.sorted { $0.aboveTokens < $1.aboveTokens }
    }

    /// The amount that applies to a call with `contextTokens` tokens of context: the tier with the
    /// largest size the context is strictly above, or the base amount.
    ///
    /// "Above" is strict because the datasets say so: LiteLLM's `*_above_200k_tokens`, models.dev's
    /// `context_over_200k`, genai-prices' tier `start`. The whole call is priced at that tier, as the
    /// vendors bill it (Gemini and Claude long-context prices apply to every token of the call).
    public func amount(atContext contextTokens: Int) -> Decimal {
        tiers.last { contextTokens > $0.aboveTokens }?.amount ?? amount
    }
}

/// A price that applies above a context size, e.g. $2.50 per 1M input tokens above 200,000 tokens.
public struct PriceTier: Codable, Sendable, Hashable {
    public var aboveTokens: Int
    public var amount: Decimal

    public init(aboveTokens: Int, amount: Decimal) {
        self.aboveTokens = aboveTokens
        self.amount = amount
    }
}
