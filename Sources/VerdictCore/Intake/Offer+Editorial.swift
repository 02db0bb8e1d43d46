import Foundation

extension Offer {
    /// The offer an editorial tool's declared facts describe: its vendor selling it at the declared
    /// per-1M-token prices, from the tool's source page. Nil without both prices, and for tools a
    /// dataset made (their offers come from the dataset's records).
    ///
    /// The facts hold the prices as the JSON numbers the editor typed; they are read back through
    /// their shortest decimal text ("0.075"), so no binary rounding reaches the stored price.
    public static func editorial(for tool: Tool, checkedAt: Date) -> Offer? {
        guard !PriceDataset.allCases.contains(where: { $0.homepage == tool.sourceURL }),
            let input = tool.facts.inputPricePerMTok.flatMap(decimal), let output = tool.facts.outputPricePerMTok.flatMap(decimal)
        else { return nil }
        let seller = Slug.make(tool.vendor ?? tool.name)
        return Offer(
            seller: seller.isEmpty ? tool.slug : seller, sellerName: tool.vendor, sellerKind: .vendorAPI, offerID: "editorial:\(tool.slug)",
            sourceURL: tool.sourceURL, prices: [Price(.inputTokens, input), Price(.outputTokens, output)], checkedAt: checkedAt)
    }

    private static func decimal(_ value: Double) -> Decimal? {
        guard value.isFinite, value >= 0 else { return nil }
        return Decimal(string: "\(value)", locale: Locale(identifier: "en_US_POSIX"))
    }
}
