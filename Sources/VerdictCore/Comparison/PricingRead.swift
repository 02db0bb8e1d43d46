import Foundation

/// A plain-language read of what two tools cost, from their declared pricing facts.
public enum PricingRead {
    public static func describe(_ tool: Tool) -> String {
        let f = tool.facts
        var parts = ["\(tool.name) is \(tool.entry.displayName) to start"]
        if let model = f.pricingModel { parts.append(phrase(model)) }
        if let i = f.inputPricePerMTok, let o = f.outputPricePerMTok {
            parts.append("\(usd(i)) in / \(usd(o)) out per 1M tokens")
        } else if let note = f.priceNote {
            // The note repeats structured prices where those exist; it is the fallback.
            parts.append(note)
        }
        if f.freeTier == true && tool.entry != .free { parts.append("with a free tier") }
        if f.pricingPublished == false { parts.append("prices not published") }
        if f.pricingPublished == nil && f.priceNote == nil && f.inputPricePerMTok == nil {
            parts.append("pricing not declared")
        }
        return parts.joined(separator: ", ") + "."
    }

    /// Cost of one million input plus one million output tokens, where both prices are declared.
    public static func perMillionPair(_ tool: Tool) -> Double? {
        guard let i = tool.facts.inputPricePerMTok, let o = tool.facts.outputPricePerMTok else { return nil }
        return i + o
    }

    public static func compare(_ a: Tool, _ b: Tool) -> String {
        var out = [describe(a), describe(b)]
        if let ca = perMillionPair(a), let cb = perMillionPair(b), ca > 0, cb > 0, ca != cb {
            let (cheap, dear, lo, hi) = ca < cb ? (a, b, ca, cb) : (b, a, cb, ca)
            out.append(
                "At 1M tokens in and 1M out, \(cheap.name) costs \(usd(lo)) against \(usd(hi)) for \(dear.name) (\(String(format: "%.1f", hi / lo))× cheaper)."
            )
        } else if a.entry != b.entry {
            let cheap = a.entry < b.entry ? a : b
            out.append("Cheaper to start: \(cheap.name).")
        } else {
            out.append("Both start at \(a.entry.displayName).")
        }
        return out.joined(separator: " ")
    }

    static func phrase(_ model: PricingModel) -> String {
        switch model {
        case .perToken: "priced per token"
        case .perSeat: "priced per seat"
        case .perSecond: "priced per second of output"
        case .perImage: "priced per image"
        case .perCredit: "priced in credits"
        case .subscription: "sold as a subscription"
        case .free: "free to use"
        case .contact: "priced on request"
        }
    }

    /// "$15", "$2.50", "$0.075": whole dollars from ten up, and enough digits below a dime
    /// that small per-token prices are not rounded away.
    static func usd(_ v: Double) -> String {
        if v >= 10 { return String(format: "$%.0f", v) }
        if v >= 0.1 || v == 0 { return String(format: "$%.2f", v) }
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        return "$" + s
    }
}
