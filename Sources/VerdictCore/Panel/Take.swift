/// A persona's bottom line on a tool.
public enum Verdict: String, CaseIterable, Codable, Sendable, Hashable {
    case ship, skip
}

/// How firmly a take holds its verdict.
public enum Conviction: String, CaseIterable, Codable, Sendable, Hashable {
    case clear, narrow
}

/// Where a take came from; recorded on every take.
public enum TakeSource: String, CaseIterable, Codable, Sendable, Hashable {
    case editorial, rubric, llm
}

/// One persona's written take on one tool, ending in a verdict.
public struct Take: Codable, Sendable, Hashable {
    public var persona: Persona
    public var verdict: Verdict
    public var conviction: Conviction
    /// What would flip the verdict, where it applies.
    public var flip: String?
    public var text: String
    public var source: TakeSource
    /// Set on model-written takes.
    public var provenance: TakeProvenance?

    public init(
        persona: Persona, verdict: Verdict, conviction: Conviction = .clear,
        flip: String? = nil, text: String, source: TakeSource, provenance: TakeProvenance? = nil
    ) {
        self.persona = persona
        self.verdict = verdict
        self.conviction = conviction
        self.flip = flip
        self.text = text
        self.source = source
        self.provenance = provenance
    }
}
