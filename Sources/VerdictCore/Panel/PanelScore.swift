/// Rounds `part / whole` to a whole percentage, half up (2 of 3 → 67, 1 of 8 → 13).
/// Integer arithmetic, so the same counts give the same number everywhere.
public func wholePercent(_ part: Int, of whole: Int) -> Int? {
    guard whole > 0 else { return nil }
    return (200 * part + whole) / (2 * whole)
}

/// Panel ship: takes saying ship ÷ takes present. Abstentions are simply not takes.
public struct PanelScore: Codable, Sendable, Hashable {
    public var ship: Int
    public var skip: Int

    public init(ship: Int, skip: Int) {
        self.ship = ship
        self.skip = skip
    }

    public init(takes: [Take]) {
        self.ship = takes.filter { $0.verdict == .ship }.count
        self.skip = takes.filter { $0.verdict == .skip }.count
    }

    public var takes: Int { ship + skip }
    /// Nil while there are no takes.
    public var shipPercent: Int? { wholePercent(ship, of: takes) }

    /// "75% · 4 takes", or "— · 0 takes".
    public var label: String {
        let n = takes == 1 ? "1 take" : "\(takes) takes"
        return "\(shipPercent.map { "\($0)%" } ?? "—") · \(n)"
    }
}

/// Community: ship votes ÷ all votes that carry weight.
public struct CommunityScore: Codable, Sendable, Hashable {
    public var ship: Int
    public var skip: Int
    /// Votes stored but given no weight (voters minted beyond a network's hourly cap).
    public var discounted: Int

    public init(ship: Int, skip: Int, discounted: Int = 0) {
        self.ship = ship
        self.skip = skip
        self.discounted = discounted
    }

    public var votes: Int { ship + skip }
    /// Nil ("—") while nobody has voted.
    public var shipPercent: Int? { wholePercent(ship, of: votes) }

    public var label: String {
        guard let p = shipPercent else { return "—" }
        return "\(p)% · \(votes == 1 ? "1 vote" : "\(votes) votes")"
    }
}
