import Foundation

/// Money and quantities stored as JSON text ("2.5", "0.075"), never as a JSON number: a number
/// would be read back through binary floating point and lose cents (0.075 → 0.07499…).
enum DecimalText {
    /// A plain decimal a reader typed ("0.5", "12", ".25"): digits and at most one point, nothing
    /// else (Foundation alone would read "1abc" as 1).
    static func parse(_ text: String) -> Decimal? {
        guard !text.isEmpty, text.count <= 24, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            text.filter({ $0 == "." }).count <= 1, text.contains(where: \.isNumber)
        else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    static func encode<K: CodingKey>(_ value: Decimal, _ key: K, in container: inout KeyedEncodingContainer<K>) throws {
        try container.encode("\(value)", forKey: key)
    }

    static func decode<K: CodingKey>(_ key: K, in container: KeyedDecodingContainer<K>) throws -> Decimal {
        let text = try container.decode(String.self, forKey: key)
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\"\(text)\" is not a decimal number")
        }
        return value
    }
}

extension Price {
    private enum CodingKeys: String, CodingKey { case unit, amount, tiers }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(PricedUnit.self, forKey: .unit), try DecimalText.decode(.amount, in: c),
            tiers: try c.decodeIfPresent([PriceTier].self, forKey: .tiers) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unit, forKey: .unit)
        try DecimalText.encode(amount, .amount, in: &c)
        if !tiers.isEmpty { try c.encode(tiers, forKey: .tiers) }
    }
}

extension PriceTier {
    private enum CodingKeys: String, CodingKey {
        case aboveTokens = "above_tokens"
        case amount
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(aboveTokens: try c.decode(Int.self, forKey: .aboveTokens), amount: try DecimalText.decode(.amount, in: c))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(aboveTokens, forKey: .aboveTokens)
        try DecimalText.encode(amount, .amount, in: &c)
    }
}

extension FreeQuota {
    private enum CodingKeys: String, CodingKey { case unit, quantity, period }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            unit: try c.decode(PricedUnit.self, forKey: .unit), quantity: try DecimalText.decode(.quantity, in: c),
            period: try c.decodeIfPresent(String.self, forKey: .period))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unit, forKey: .unit)
        try DecimalText.encode(quantity, .quantity, in: &c)
        try c.encodeIfPresent(period, forKey: .period)
    }
}
