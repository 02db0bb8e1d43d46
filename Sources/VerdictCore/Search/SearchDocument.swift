import Foundation

/// What search keeps for one tool: its words in three groups that rank in that order (name;
/// vendor and tagline; description, category and takes) and the values the filters read.
/// Rebuilt from the tool, its current takes and its current prices in every write that changes
/// one of them.
public struct SearchDocument: Sendable, Hashable {
    public var name: String
    public var meta: String
    public var body: String
    public var openWeights: Bool?
    public var license: String?
    /// Input and output modalities, "|text|image|" (the bars make `LIKE '%|image|%'` exact).
    public var modalities: String
    public var contextWindow: Int?
    public var inputPrice: Decimal?
    public var priceUnit: PricedUnit?
    /// "YYYY-MM".
    public var released: String?

    /// The units a headline price is read in, the first one a tool is priced in winning.
    public static let headlineUnits: [PricedUnit] = [
        .inputTokens, .videoSecond, .audioSecond, .image, .request, .seatMonth, .flatMonth,
    ]

    public init(tool: Tool, takes: [String], quotes: [OfferQuote]) {
        name = SearchText.terms([tool.name])
        meta = SearchText.terms([tool.vendor, tool.tagline])
        body = SearchText.terms([tool.description, tool.category] + takes)
        let facts = tool.facts
        openWeights = facts.openWeights
        license = facts.license.map { $0.lowercased() }
        let all = Set((facts.modalities ?? []) + (facts.outputModalities ?? [])).map { $0.lowercased() }.sorted()
        modalities = all.isEmpty ? "" : "|" + all.joined(separator: "|") + "|"
        contextWindow = facts.contextWindow
        released = facts.launched.flatMap(SearchFilters.month)
        (inputPrice, priceUnit) = Self.headline(quotes: quotes, tool: tool)
    }

    /// The lowest standard price in the first headline unit any offer has; a free tool with no
    /// priced offer costs 0; otherwise the declared price per 1M input tokens, if any.
    static func headline(quotes: [OfferQuote], tool: Tool) -> (Decimal?, PricedUnit?) {
        let standard = quotes.filter { $0.offer.variant == .standard }.flatMap(\.offer.prices)
        for unit in headlineUnits {
            if let lowest = standard.filter({ $0.unit == unit }).map(\.amount).min() { return (lowest, unit) }
        }
        if tool.entry == .free { return (0, nil) }
        if let declared = tool.facts.inputPricePerMTok, declared.isFinite, declared >= 0 {
            return (Decimal(string: "\(declared)", locale: Locale(identifier: "en_US_POSIX")), .inputTokens)
        }
        return (nil, nil)
    }

    /// The document's words that names are made of, and all its words: the vocabulary typo
    /// correction chooses from and checks against.
    public var nameWords: Set<String> { Set(name.split(separator: " ").map(String.init)) }
    public var allWords: Set<String> {
        Set([name, meta, body].flatMap { $0.split(separator: " ").map(String.init) })
    }
}
