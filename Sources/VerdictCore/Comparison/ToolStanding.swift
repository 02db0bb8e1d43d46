/// A tool with its current panel takes and community numbers: what pages and comparisons read.
public struct ToolStanding: Sendable, Hashable {
    public var tool: Tool
    /// The current take of each persona that has one, in persona order.
    public var takes: [Take]
    public var community: CommunityScore
    /// Personas whose model failed to give a valid take; not counted in panel ship.
    public var abstentions: [Abstention]

    public init(tool: Tool, takes: [Take], community: CommunityScore, abstentions: [Abstention] = []) {
        self.tool = tool
        self.takes = takes.sorted { Persona.allCases.firstIndex(of: $0.persona)! < Persona.allCases.firstIndex(of: $1.persona)! }
        self.community = community
        self.abstentions = abstentions
    }

    public var panel: PanelScore { PanelScore(takes: takes) }

    public func take(by persona: Persona) -> Take? { takes.first { $0.persona == persona } }
}
