import Foundation

extension SourceModel {
    /// The record as canonical JSON without the snapshot date: two syncs of an unchanged record give
    /// the same bytes, so a stored hash of them says whether anything is to be written.
    public var fingerprintJSON: Data {
        var copy = self
        copy.offers = offers.map { offer in
            var offer = offer
            offer.checkedAt = Date(timeIntervalSince1970: 0)
            return offer
        }
        return SourceModel.encoder.encodeCanonical(copy)
    }

    /// The record as stored: canonical JSON, dates as seconds since 1970.
    public var storedJSON: String {
        String(decoding: SourceModel.encoder.encodeCanonical(self), as: UTF8.self)
    }

    /// A stored record back; nil when the text is not one (a record stored by a newer release).
    public static func stored(_ json: String) -> SourceModel? {
        try? JSONDecoder().decode(SourceModel.self, from: Data(json.utf8))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension JSONEncoder {
    /// Encodes a value made of strings, numbers, dates and collections, which cannot fail.
    func encodeCanonical<T: Encodable>(_ value: T) -> Data {
        (try? encode(value)) ?? Data()
    }
}

extension Offer {
    /// What makes two dataset entries the same offer of one tool: who sells it, how it is served
    /// and at which hours. Two datasets pricing the same key disagree when their prices differ.
    public var key: String {
        [seller, variant.rawValue, hoursUTC].compactMap { $0 }.joined(separator: "/")
    }

    /// The offer's prices and free quota as canonical JSON: what a stored price version holds.
    public var pricesJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: encoder.encodeCanonical(PriceSheet(prices: prices, freeQuota: freeQuota)), as: UTF8.self)
    }
}

/// One version of an offer's prices, as a price history row stores it.
public struct PriceSheet: Codable, Sendable, Hashable {
    public var prices: [Price]
    public var freeQuota: FreeQuota?

    public init(prices: [Price], freeQuota: FreeQuota? = nil) {
        self.prices = prices
        self.freeQuota = freeQuota
    }

    public static func stored(_ json: String) -> PriceSheet? {
        try? JSONDecoder().decode(PriceSheet.self, from: Data(json.utf8))
    }

    public func price(_ unit: PricedUnit) -> Price? { prices.first { $0.unit == unit } }
}
