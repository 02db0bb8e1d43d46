/// One of the four reviewer personas on the panel.
public enum Persona: String, CaseIterable, Codable, Sendable, Hashable {
    case builder, skeptic, futurist, buyer

    public var displayName: String {
        switch self {
        case .builder: "Builder"
        case .skeptic: "Skeptic"
        case .futurist: "Futurist"
        case .buyer: "Buyer"
        }
    }

    /// Who the persona is, in one line, as shown beside its takes.
    public var role: String {
        switch self {
        case .builder: "The developer who has to integrate it"
        case .skeptic: "The competitive analyst"
        case .futurist: "The strategist"
        case .buyer: "Who pays, and how"
        }
    }
}
