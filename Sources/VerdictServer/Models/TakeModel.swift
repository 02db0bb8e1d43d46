import Fluent
import Foundation
import VerdictCore

/// A persona's take on a tool. The current take has no `superseded_at`; older ones are history.
final class TakeModel: Model, @unchecked Sendable {
    static let schema = "takes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "tool_id") var tool: ToolModel
    @Field(key: "persona") var persona: String
    @Field(key: "verdict") var verdict: String
    @Field(key: "conviction") var conviction: String
    @OptionalField(key: "flip") var flip: String?
    @Field(key: "text") var text: String
    @Field(key: "source") var source: String
    /// Rubric version, or the prompt version for model-written takes.
    @OptionalField(key: "prompt_version") var promptVersion: String?
    /// Hash of the facts the author saw.
    @OptionalField(key: "facts_hash") var factsHash: String?
    @OptionalField(key: "backend") var backend: String?
    @OptionalField(key: "model") var model: String?
    @OptionalField(key: "temperature") var temperature: Double?
    @OptionalField(key: "prompt_tokens") var promptTokens: Int?
    @OptionalField(key: "cached_tokens") var cachedTokens: Int?
    @OptionalField(key: "completion_tokens") var completionTokens: Int?
    @OptionalField(key: "cost_usd") var costUSD: Double?
    @OptionalField(key: "latency_ms") var latencyMS: Int?
    /// JSON list of the fact keys and claims a model said it relied on.
    @OptionalField(key: "relied_on") var reliedOn: String?
    /// The editor who changed the words of a model's take, and the model's original words.
    @OptionalField(key: "edited_by") var editedBy: String?
    @OptionalField(key: "original_text") var originalText: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "superseded_at") var supersededAt: Date?

    init() {}

    init(toolID: UUID, take: Take, promptVersion: String?, factsHash: String?) {
        self.$tool.id = toolID
        self.persona = take.persona.rawValue
        self.verdict = take.verdict.rawValue
        self.conviction = take.conviction.rawValue
        self.flip = take.flip
        self.text = take.text
        self.source = take.source.rawValue
        self.promptVersion = promptVersion
        self.factsHash = factsHash
    }

    /// Nil for abstentions, and for rows holding values this version does not know.
    var take: Take? { shown.take }

    var abstention: Abstention? { shown.abstention }

    var provenance: TakeProvenance { shown.provenance }

    /// The columns the take is shown from.
    var shown: TakeRow {
        TakeRow(
            toolId: $tool.id, persona: persona, verdict: verdict, conviction: conviction, flip: flip, text: text, source: source,
            promptVersion: promptVersion, factsHash: factsHash, backend: backend, model: model, temperature: temperature,
            promptTokens: promptTokens, cachedTokens: cachedTokens, completionTokens: completionTokens, costUsd: costUSD,
            latencyMs: latencyMS, reliedOn: reliedOn, originalText: originalText, createdAt: createdAt)
    }
}

/// The columns of a `takes` row a take is shown from, read with plain SQL where many rows are
/// read at once: decoding Fluent models reflects over every property of every row, which took
/// 40% of a home page render at 1,000 tools.
struct TakeRow: Decodable, Sendable {
    var toolId: UUID
    var persona: String
    var verdict: String
    var conviction: String
    var flip: String?
    var text: String
    var source: String
    var promptVersion: String?
    var factsHash: String?
    var backend: String?
    var model: String?
    var temperature: Double?
    var promptTokens: Int?
    var cachedTokens: Int?
    var completionTokens: Int?
    var costUsd: Double?
    var latencyMs: Int?
    var reliedOn: String?
    var originalText: String?
    var createdAt: Date?

    /// The column names, spelled out: a key strategy would convert every key of every row.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case toolId = "tool_id"
        case persona, verdict, conviction, flip, text, source
        case promptVersion = "prompt_version"
        case factsHash = "facts_hash"
        case backend, model, temperature
        case promptTokens = "prompt_tokens"
        case cachedTokens = "cached_tokens"
        case completionTokens = "completion_tokens"
        case costUsd = "cost_usd"
        case latencyMs = "latency_ms"
        case reliedOn = "relied_on"
        case originalText = "original_text"
        case createdAt = "created_at"
    }

    static let columns = CodingKeys.allCases.map(\.rawValue)

    /// Nil for abstentions, and for rows holding values this version does not know.
    var take: Take? {
        guard let p = Persona(rawValue: persona), let v = Verdict(rawValue: verdict),
            let s = TakeSource(rawValue: source)
        else { return nil }
        return Take(
            persona: p, verdict: v, conviction: Conviction(rawValue: conviction) ?? .clear,
            flip: flip, text: text, source: s, provenance: s == .llm ? provenance : nil)
    }

    var abstention: Abstention? {
        guard verdict == TakeModel.abstainVerdict, let p = Persona(rawValue: persona) else { return nil }
        return Abstention(persona: p, reason: text, provenance: provenance)
    }

    var provenance: TakeProvenance {
        let relied = reliedOn.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        return TakeProvenance(
            backend: backend, model: model, promptVersion: promptVersion, factsHash: factsHash, temperature: temperature,
            promptTokens: promptTokens ?? 0, cachedTokens: cachedTokens ?? 0, completionTokens: completionTokens ?? 0,
            costUSD: costUsd, latencyMS: latencyMs, reliedOn: relied, createdAt: createdAt, originalText: originalText)
    }
}
