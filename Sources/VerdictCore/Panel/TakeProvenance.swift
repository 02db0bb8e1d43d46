import Foundation

/// Who wrote a model-written take, how, and at what cost.
public struct TakeProvenance: Codable, Sendable, Hashable {
    public var backend: String?
    public var model: String?
    public var promptVersion: String?
    public var factsHash: String?
    public var temperature: Double?
    public var promptTokens: Int
    public var cachedTokens: Int
    public var completionTokens: Int
    public var costUSD: Double?
    public var latencyMS: Int?
    /// Fact keys and claims the model said it relied on.
    public var reliedOn: [String]
    public var createdAt: Date?
    /// The model's own words when an editor changed the take's text before publishing it;
    /// nil when the text is the model's.
    public var originalText: String?

    public init(
        backend: String?, model: String?, promptVersion: String?, factsHash: String?, temperature: Double?,
        promptTokens: Int, cachedTokens: Int, completionTokens: Int, costUSD: Double?, latencyMS: Int?,
        reliedOn: [String], createdAt: Date?, originalText: String? = nil
    ) {
        self.backend = backend
        self.model = model
        self.promptVersion = promptVersion
        self.factsHash = factsHash
        self.temperature = temperature
        self.promptTokens = promptTokens
        self.cachedTokens = cachedTokens
        self.completionTokens = completionTokens
        self.costUSD = costUSD
        self.latencyMS = latencyMS
        self.reliedOn = reliedOn
        self.createdAt = createdAt
        self.originalText = originalText
    }
}

/// A persona that failed to give a valid take: shown as abstaining, never counted.
public struct Abstention: Codable, Sendable, Hashable {
    public var persona: Persona
    public var reason: String
    public var provenance: TakeProvenance?

    public init(persona: Persona, reason: String, provenance: TakeProvenance?) {
        self.persona = persona
        self.reason = reason
        self.provenance = provenance
    }
}
