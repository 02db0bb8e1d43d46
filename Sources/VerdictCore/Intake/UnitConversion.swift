import Foundation

/// Exact conversions between the datasets' units and ours. Decimal arithmetic by powers of ten is exact.
public enum UnitConversion {
    static let million = Decimal(1_000_000)
    static let thousand = Decimal(1_000)

    /// USD per token (LiteLLM) → USD per 1M tokens: 0.0000003 → 0.3.
    public static func perMillion(fromPerToken perToken: Decimal) -> Decimal {
        perToken * million
    }

    /// USD per 1M tokens → USD per token: 0.3 → 0.0000003.
    public static func perToken(fromPerMillion perMillion: Decimal) -> Decimal {
        perMillion / million
    }

    /// USD per 1,000 units (genai-prices `*_kcount`) → USD per unit: 5 per 1,000 requests → 0.005.
    public static func perUnit(fromPerThousand perThousand: Decimal) -> Decimal {
        perThousand / thousand
    }

    /// USD for `tokens` tokens at `perMillion` USD per 1M tokens.
    public static func cost(tokens: Int, perMillion: Decimal) -> Decimal {
        Decimal(tokens) * perMillion / million
    }
}
