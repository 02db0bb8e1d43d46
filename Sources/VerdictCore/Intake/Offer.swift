import Foundation

/// One way to buy a tool: a seller's prices for it, where they were published and when.
///
/// The same open-weights model is sold by its vendor, by clouds and by inference hosts; each is an
/// offer, and each serving variant (batch, flex, priority) is an offer of its own.
public struct Offer: Codable, Sendable, Hashable {
    /// The seller's slug after `ToolKey.seller(_:)`, e.g. "openai", "azure", "amazon-bedrock".
    public var seller: String
    /// The seller's display name where the dataset gives one, e.g. "Amazon Bedrock".
    public var sellerName: String?
    public var sellerKind: SellerKind
    /// The dataset's own id for what is sold, e.g. "azure/gpt-4o" in LiteLLM, "openai/o3" in genai-prices.
    public var offerID: String
    /// The seller's pricing page, where the dataset names it.
    public var sourceURL: String?
    public var variant: OfferVariant
    /// The UTC hours the prices are limited to (off-peak pricing), e.g. "00:30:00Z-16:30:00Z"; nil for all day.
    public var hoursUTC: String?
    /// At most one price per unit, in `PricedUnit` order.
    public var prices: [Price]
    public var freeQuota: FreeQuota?
    /// When the prices took effect, where the dataset dates them (genai-prices does); nil when unknown.
    public var effectiveFrom: Date?
    /// When the prices were last seen: the date of the dataset snapshot they were read from.
    public var checkedAt: Date

    public init(
        seller: String, sellerName: String? = nil, sellerKind: SellerKind, offerID: String, sourceURL: String? = nil,
        variant: OfferVariant = .standard, hoursUTC: String? = nil, prices: [Price], freeQuota: FreeQuota? = nil,
        effectiveFrom: Date? = nil, checkedAt: Date
    ) {
        self.seller = seller
        self.sellerName = sellerName
        self.sellerKind = sellerKind
        self.offerID = offerID
        self.sourceURL = sourceURL
        self.variant = variant
        self.hoursUTC = hoursUTC
        self.prices = prices.sorted { $0.unit < $1.unit }
        self.freeQuota = freeQuota
        self.effectiveFrom = effectiveFrom
        self.checkedAt = checkedAt
    }

    /// The price of one unit, if the offer has one.
    public func price(_ unit: PricedUnit) -> Price? {
        prices.first { $0.unit == unit }
    }
}
