import Fluent
import Foundation
import Vapor
import VerdictCore

/// Writes one persona's take on one tool with a model backend: the unit of work of a panel job.
struct ModelPanel: Sendable {
    let client: any LLMClient
    let config: LLMConfig
    let db: any Database
    var now: @Sendable () -> Date = { Date() }
    var sleep: @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .milliseconds(Int($0 * 1000))) }
    var policy = BackoffPolicy()
    /// How many replies that fail validation are tolerated before the persona abstains.
    var validationAttempts = 3
    var logger = Logger(label: "verdict.panel")

    enum Outcome: Equatable, Sendable {
        case wrote, unchanged, abstained(String), failed(String)
    }

    /// Runs a claimed job to its end and records the outcome on the job (if the lease still holds).
    func run(_ job: PanelJobModel, token: String) async throws -> Outcome {
        let outcome = try await produce(job, token: token)
        if case .failed(let reason) = outcome {
            try await PanelJobModel.finish(job.id!, token: token, state: .failed, error: reason, on: db)
        }
        return outcome
    }

    private func produce(_ job: PanelJobModel, token: String) async throws -> Outcome {
        guard let backend = config.backend(named: job.backend) else { return .failed("backend '\(job.backend)' is not configured") }
        guard let persona = Persona(rawValue: job.persona) else { return .failed("unknown persona '\(job.persona)'") }
        guard let toolModel = try await ToolModel.find(job.$tool.id, on: db), let toolID = toolModel.id else {
            return .failed("the tool no longer exists")
        }
        let tool = toolModel.tool
        let key = ProvenanceKey(
            model: backend.model(for: persona), promptVersion: PanelPrompt.version,
            factsHash: toolModel.factsHash)
        let published = try await TakeModel.hasCurrent(tool: toolID, persona: persona, key: key, on: db)
        let pending = try await Moderation.wasProposed(tool: toolID, persona: persona, key: key, on: db)
        if !job.force, published || pending {
            try await PanelJobModel.finish(job.id!, token: token, state: .done, error: "unchanged: not re-billed", on: db)
            return .unchanged
        }
        let request = ChatRequest(
            backend: backend, model: key.model, messages: PanelPrompt.messages(for: persona, tool: tool),
            schema: TakeSchema.jsonSchema)
        var rejections: [String] = []
        var attempt = 0
        var rng = SystemRandomNumberGenerator()
        while true {
            let reply: ChatReply
            do {
                reply = try await client.complete(request)
            } catch {
                guard let delay = policy.delay(attempt: attempt, failure: error, using: &rng) else {
                    return .failed("\(error)")
                }
                logger.notice("panel: \(tool.slug)/\(persona.rawValue) on \(backend.name): \(error); retrying in \(String(format: "%.1f", delay)) s")
                attempt += 1
                try await sleep(delay)
                continue
            }
            switch TakeParser.parse(reply.content, persona: persona) {
            case .success(let parsed):
                try await write(parsed, reply: reply, backend: backend, key: key, tool: toolID, job: job, token: token)
                return .wrote
            case .failure(let rejection):
                rejections.append(rejection.description)
                guard rejections.count < validationAttempts else {
                    let reason = "no valid take after \(rejections.count) replies: \(rejections.last ?? "")"
                    try await abstain(reason, backend: backend, key: key, tool: toolID, persona: persona, job: job, token: token)
                    return .abstained(reason)
                }
            }
        }
    }
}

/// What makes a model-written take the same take: its model, prompt version and facts.
struct ProvenanceKey: Sendable, Hashable {
    var model: String
    var promptVersion: String
    var factsHash: String
}
