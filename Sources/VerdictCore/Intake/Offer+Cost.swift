import Foundation

/// One line of the arithmetic behind a cost: tokens × price per 1M = cost.
public struct CostLine: Sendable, Hashable {
    /// The unit whose price was applied (cached tokens fall back to the input price).
    public var unit: PricedUnit
    /// The price the tokens were charged at: `PricedUnit.cachedInputTokens` may be billed at the input price.
    public var chargedAs: PricedUnit
    public var tokens: Int
    /// USD per 1M tokens, after tier selection.
    public var perMillion: Decimal
    public var cost: Decimal
}

extension Offer {
    /// The lines of the cost of a workload, or nil when the offer lacks a price the workload needs.
    ///
    /// Cached tokens are a subset of input tokens and are clamped to it (as `Pricing.cost` does);
    /// they cost the cached-input price, or the input price where the offer has none. Tiers are
    /// chosen by the whole prompt (`Workload.contextTokens`).
    public func costLines(for workload: Workload) -> [CostLine]? {
        let input = max(workload.inputTokens, 0)
        let cached = min(max(workload.cachedInputTokens, 0), input)
        let parts: [(PricedUnit, Int)] = [
            (.inputTokens, input - cached), (.cachedInputTokens, cached), (.outputTokens, max(workload.outputTokens, 0)),
        ]
        var lines: [CostLine] = []
        for (unit, tokens) in parts where tokens > 0 {
            let charged = unit == .cachedInputTokens && price(unit) == nil ? PricedUnit.inputTokens : unit
            guard let price = price(charged) else { return nil }
            let perMillion = price.amount(atContext: workload.contextTokens)
            lines.append(
                CostLine(
                    unit: unit, chargedAs: charged, tokens: tokens, perMillion: perMillion,
                    cost: UnitConversion.cost(tokens: tokens, perMillion: perMillion)))
        }
        return lines
    }

    /// USD for a workload, exact in decimal; nil when the offer lacks a price the workload needs.
    public func cost(of workload: Workload) -> Decimal? {
        costLines(for: workload)?.reduce(Decimal(0)) { $0 + $1.cost }
    }
}
