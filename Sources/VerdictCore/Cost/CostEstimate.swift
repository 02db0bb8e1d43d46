import Foundation

/// One way to buy a tool at one source's current prices: what the cost of a month is chosen from.
public struct OfferQuote: Sendable, Hashable {
    public var offer: Offer
    /// Where the prices come from: a dataset's name, or "editorial".
    public var source: String
    public var effectiveFrom: Date?
    public var checkedAt: Date

    public init(offer: Offer, source: String, effectiveFrom: Date?, checkedAt: Date) {
        self.offer = offer
        self.source = source
        self.effectiveFrom = effectiveFrom
        self.checkedAt = checkedAt
    }
}

/// One line of the arithmetic: quantity × price = cost, after the free quota.
public struct CostEstimateLine: Sendable, Hashable {
    public var unit: PricedUnit
    /// The price applied (cached input falls back to the input price where none is published).
    public var chargedAs: PricedUnit
    /// Units used in the month (tokens as a count).
    public var quantity: Int
    /// Units the free quota covered.
    public var free: Int
    /// USD per 1M tokens for token units, per one unit otherwise.
    public var price: Decimal
    public var cost: Decimal

    /// "150,000,000 input tokens × $2.50 per 1M = $375.00".
    public var text: String {
        let billed = quantity - free
        let what = "\(UsageText.grouped(billed)) \(CostEstimate.noun(unit, billed))"
        let per = chargedAs.isTokens ? "per 1M" : "each"
        let freeNote = free > 0 ? " (after \(UsageText.grouped(free)) free)" : ""
        let cachedNote = chargedAs != unit ? " (no cached price published: charged as input)" : ""
        return "\(what)\(freeNote) × \(DatasetCatalog.usd(price)) \(per)\(cachedNote) = \(CostEstimate.money(cost))"
    }
}

/// What a month of `UsageProfile` costs with a tool: the cheapest offer that prices everything the
/// month uses, with its arithmetic; or why it cannot be priced. Pure and exact (decimal).
public struct CostEstimate: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case priced
        /// No seller publishes a price (a contact-sales tool, or no offers at all).
        case unpublished
        /// Prices are published, but no offer prices all the units the month uses.
        case noMatchingOffer(missing: [PricedUnit])
    }

    public var status: Status
    public var total: Decimal?
    public var quote: OfferQuote?
    public var lines: [CostEstimateLine] = []
    /// Offers that could price the month (the chosen one among them).
    public var matching = 0
    /// Notes on what the estimate leaves out (long-context tiers, one-time free allowances).
    public var notes: [String] = []

    /// Monthly free allowances per period: a daily quota counts 30 times.
    static let daysPerMonth = 30

    public static func estimate(_ usage: UsageProfile, quotes: [OfferQuote]) -> CostEstimate {
        let usable = quotes.filter {
            $0.offer.hoursUTC == nil && ($0.offer.variant == .standard || ($0.offer.variant == .batch && usage.batch))
        }
        let priced = usable.filter { !$0.offer.prices.isEmpty && $0.offer.prices.contains { $0.amount >= 0 } }
        guard !priced.isEmpty else { return CostEstimate(status: .unpublished) }
        var best: CostEstimate?
        var matching = 0
        var missingFromFirst: [PricedUnit]?
        for quote in priced {
            switch price(usage, quote) {
            case .success(let estimate):
                matching += 1
                if let current = best, !better(estimate, than: current) { continue }
                best = estimate
            case .failure(let missing):
                if missingFromFirst == nil || quote.offer.sellerKind == .vendorAPI { missingFromFirst = missing.units }
            }
        }
        guard var chosen = best else { return CostEstimate(status: .noMatchingOffer(missing: missingFromFirst ?? [])) }
        chosen.matching = matching
        // An offer at $0 for everything is a free tier with usage limits (GitHub Models, free
        // routers), not a price for a production month: a paid offer that covers the month wins
        // over it, and the free one is named in a note.
        if chosen.total == 0, chosen.lines.contains(where: { $0.quantity > 0 }) {
            let paid = priced.filter { $0.offer.prices.contains { $0.amount > 0 } }
            var paidBest: CostEstimate?
            for quote in paid {
                if case .success(let estimate) = price(usage, quote), paidBest.map({ better(estimate, than: $0) }) ?? true {
                    paidBest = estimate
                }
            }
            if var paidBest, let free = chosen.quote {
                paidBest.matching = matching
                paidBest.notes.append(
                    "\(free.offer.sellerName ?? free.offer.seller) lists it at $0 (a free tier, usually rate-limited); this is the cheapest paid offer"
                )
                return paidBest
            }
        }
        return chosen
    }

    private struct Missing: Error { var units: [PricedUnit] }

    /// Cheaper wins; at the same total the vendor's own API, then the earlier seller name.
    private static func better(_ a: CostEstimate, than b: CostEstimate) -> Bool {
        guard let x = a.total, let y = b.total else { return a.total != nil }
        if x != y { return x < y }
        let ka = (a.quote?.offer.sellerKind == .vendorAPI ? 0 : 1, a.quote?.offer.seller ?? "", a.quote?.source ?? "")
        let kb = (b.quote?.offer.sellerKind == .vendorAPI ? 0 : 1, b.quote?.offer.seller ?? "", b.quote?.source ?? "")
        return ka < kb
    }

    private static func price(_ usage: UsageProfile, _ quote: OfferQuote) -> Result<CostEstimate, Missing> {
        let offer = quote.offer
        let cached = usage.cachedInputTokens
        // (unit used, quantity, required: must the offer price it?)
        let uses: [(PricedUnit, Int, Bool)] = [
            (.inputTokens, usage.inputTokens - cached, true), (.cachedInputTokens, cached, true), (.outputTokens, usage.outputTokens, true),
            (.image, usage.images, true), (.audioSecond, usage.audioSeconds, true), (.videoSecond, usage.videoSeconds, true),
            // Seats and requests are charged where the offer prices them; a per-token API does not.
            (.seatMonth, usage.seats, false), (.request, usage.requests, false),
        ]
        var lines: [CostEstimateLine] = []
        var missing: [PricedUnit] = []
        var notes: [String] = []
        for (unit, quantity, required) in uses where quantity > 0 {
            let charged = unit == .cachedInputTokens && offer.price(unit) == nil ? PricedUnit.inputTokens : unit
            guard let price = offer.price(charged) else {
                if required { missing.append(unit) }
                continue
            }
            if let tier = price.tiers.first {
                notes.append(
                    "\(charged.displayName): prompts over \(UsageText.grouped(tier.aboveTokens)) tokens cost \(DatasetCatalog.usd(tier.amount)); the estimate uses the base price"
                )
            }
            let free = freeUnits(offer.freeQuota, unit: unit, quantity: quantity, notes: &notes)
            let billed = quantity - free
            let cost = charged.isTokens ? UnitConversion.cost(tokens: billed, perMillion: price.amount) : Decimal(billed) * price.amount
            lines.append(CostEstimateLine(unit: unit, chargedAs: charged, quantity: quantity, free: free, price: price.amount, cost: cost))
        }
        guard missing.isEmpty else { return .failure(Missing(units: missing)) }
        if let flat = offer.price(.flatMonth) {
            lines.append(
                CostEstimateLine(unit: .flatMonth, chargedAs: .flatMonth, quantity: 1, free: 0, price: flat.amount, cost: flat.amount))
        }
        let total = lines.reduce(Decimal(0)) { $0 + $1.cost }
        return .success(CostEstimate(status: .priced, total: total, quote: quote, lines: lines, notes: notes))
    }

    /// Units of `unit` the offer's free quota covers this month.
    private static func freeUnits(_ quota: FreeQuota?, unit: PricedUnit, quantity: Int, notes: inout [String]) -> Int {
        guard let quota, quota.unit == unit else { return 0 }
        let perMonth: Decimal
        switch quota.period {
        case "day": perMonth = quota.quantity * Decimal(daysPerMonth)
        case "month": perMonth = quota.quantity
        default:
            notes.append("a one-time free allowance of \(quota.quantity) \(noun(unit, 2)) is not counted in a monthly cost")
            return 0
        }
        let free = NSDecimalNumber(decimal: perMonth).intValue
        return min(max(free, 0), quantity)
    }

    /// "images", "seconds of video": a unit in the plural, for "nothing for …".
    public static func nounPublic(_ unit: PricedUnit) -> String { noun(unit, 2) }

    static func noun(_ unit: PricedUnit, _ n: Int) -> String {
        let one = n == 1
        switch unit {
        case .inputTokens: return one ? "input token" : "input tokens"
        case .outputTokens: return one ? "output token" : "output tokens"
        case .cachedInputTokens: return one ? "cached input token" : "cached input tokens"
        case .cacheWriteTokens: return one ? "cache-write token" : "cache-write tokens"
        case .reasoningTokens: return one ? "reasoning token" : "reasoning tokens"
        case .inputAudioTokens: return one ? "input audio token" : "input audio tokens"
        case .outputAudioTokens: return one ? "output audio token" : "output audio tokens"
        case .image: return one ? "image" : "images"
        case .audioSecond: return one ? "second of audio" : "seconds of audio"
        case .videoSecond: return one ? "second of video" : "seconds of video"
        case .request: return one ? "request" : "requests"
        case .seatMonth: return one ? "seat" : "seats"
        case .flatMonth: return "month"
        }
    }

    /// "$1,234.57": a total rounded to cents (half up) for reading; the exact value is kept.
    public static func money(_ value: Decimal) -> String {
        let rounded = NSDecimalNumber(decimal: value).rounding(
            accordingToBehavior: NSDecimalNumberHandler(
                roundingMode: .plain, scale: 2, raiseOnExactness: false, raiseOnOverflow: false, raiseOnUnderflow: false,
                raiseOnDivideByZero: false)
        ).decimalValue
        if value > 0 && rounded == 0 { return "under $0.01" }
        var text = "\(rounded)"
        if !text.contains(".") { text += ".00" }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let cents = parts[1].count == 1 ? parts[1] + "0" : String(parts[1])
        let whole = Int(parts[0]).map(UsageText.grouped) ?? String(parts[0])
        return "$\(whole).\(cents)"
    }
}
