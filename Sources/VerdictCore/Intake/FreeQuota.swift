import Foundation

/// A free allowance on an offer, e.g. 1,500 requests a day.
public struct FreeQuota: Codable, Sendable, Hashable {
    public var unit: PricedUnit
    /// How many units are free per period (tokens as a count, not in millions).
    public var quantity: Decimal
    /// "day", "month", or nil for a one-time allowance.
    public var period: String?

    public init(unit: PricedUnit, quantity: Decimal, period: String? = nil) {
        self.unit = unit
        self.quantity = quantity
        self.period = period
    }
}
