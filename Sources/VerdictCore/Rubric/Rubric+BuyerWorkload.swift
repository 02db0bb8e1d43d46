import Foundation

/// A reader's workload as the Buyer weighs it: what the month costs this tool, and what it
/// costs the other tool of a comparison.
public struct BuyerWorkload: Sendable, Hashable {
    /// "200,000,000 input tokens, 40,000,000 output tokens a month".
    public var description: String
    public var estimate: CostEstimate
    /// The other tool of a comparison and its month, when that is priced.
    public var rivalName: String?
    public var rivalTotal: Decimal?

    public init(description: String, estimate: CostEstimate, rivalName: String? = nil, rivalTotal: Decimal? = nil) {
        self.description = description
        self.estimate = estimate
        self.rivalName = rivalName
        self.rivalTotal = rivalTotal
    }
}

extension Rubric {
    /// The Buyer's take recomputed for a reader's workload: the month's cost replaces the generic
    /// "can I model unit economics" signal, weighed against the rival's month where there is one.
    /// Deterministic like every rubric take, so it costs no model call.
    public static func buyerTake(for tool: Tool, workload: BuyerWorkload) -> Take {
        let card = buyerCard(tool, economics: buyerWorkloadSignal(workload))
        let draft = buyerDraft(tool, card: card, economics: buyerWorkloadLine(tool, workload))
        return Take(persona: .buyer, verdict: card.verdict, conviction: card.conviction, flip: card.flip, text: draft.text, source: .rubric)
    }

    /// Priced and cheaper than the rival +2, priced +1, priced at over twice the rival's month −1,
    /// not priced for this workload −2.
    static func buyerWorkloadSignal(_ w: BuyerWorkload) -> Signal {
        let range = -2...2
        guard let total = w.estimate.total else {
            return Signal("workload_cost", -2, range, "no price for this workload", toShip: "once an offer prices this workload")
        }
        guard let rival = w.rivalTotal, let name = w.rivalName.map({ clip($0, 30) }) else {
            return Signal("workload_cost", 1, range, "a month I can price for this workload")
        }
        if total < rival {
            return Signal(
                "workload_cost", 2, range, "the cheaper month for this workload", toSkip: "if \(name) undercuts it for this workload")
        }
        if total > rival * 2 {
            return Signal(
                "workload_cost", -1, range, "over twice \(name)'s month for this workload",
                toShip: "once its month for this workload comes within twice \(name)'s")
        }
        return Signal("workload_cost", 1, range, "a month within twice \(name)'s for this workload")
    }

    static func buyerWorkloadLine(_ tool: Tool, _ w: BuyerWorkload) -> String {
        let workload = clip(w.description, 120)
        guard let total = w.estimate.total else {
            switch w.estimate.status {
            case .unpublished: return "For your workload (\(workload)), no seller publishes a price, so the month can't be budgeted."
            default: return "For your workload (\(workload)), no published offer prices every unit the month uses."
            }
        }
        let seller = w.estimate.quote.map { " through \(clip($0.offer.sellerName ?? $0.offer.seller, 40))" } ?? ""
        var line = "For your workload (\(workload)), a month costs \(CostEstimate.money(total))\(seller)"
        if let rival = w.rivalTotal, let name = w.rivalName.map({ clip($0, 30) }) {
            line += total == rival ? ", the same as \(name)" : ", against \(CostEstimate.money(rival)) for \(name)"
        }
        return line + "."
    }
}
