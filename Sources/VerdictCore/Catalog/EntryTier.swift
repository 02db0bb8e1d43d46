/// The entry price tier of a tool: what it costs to start.
public enum EntryTier: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case free, freemium, paid, contact

    public var displayName: String {
        switch self {
        case .free: "Free"
        case .freemium: "Freemium"
        case .paid: "Paid"
        case .contact: "Contact sales"
        }
    }

    /// Lower is cheaper to start with; used to compare entry prices.
    public var rank: Int {
        switch self {
        case .free: 0
        case .freemium: 1
        case .paid: 2
        case .contact: 3
        }
    }

    public static func < (lhs: EntryTier, rhs: EntryTier) -> Bool { lhs.rank < rhs.rank }
}
