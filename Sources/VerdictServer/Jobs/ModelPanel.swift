import Fluent
import Foundation
import Vapor
import VerdictCore

/// Writes one persona's take on one tool with a model backend: the unit of work of a panel job.
struct ModelPanel: Sendable {
    let client: any LLMClient
    let config: LLMConfig
    let db: any Database
    let now: @Sendable () -> Date
    /// Jitter for retries and the worker's claim tokens; seeded in tests.
    let random: RandomSource
    var sleep: @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .milliseconds(Int($0 * 1000))) }
    var policy = BackoffPolicy()
    /// How many replies that fail validation are tolerated before the persona abstains.
    var validationAttempts = 3
    var logger = Logger(label: "verdict.panel")
    /// Tells the site's caches when a published take changes a tool's standing.
    var changes: SiteChanges?

    enum Outcome: Equatable, Sendable {
        case wrote, unchanged
        case abstained(String)
        case failed(String)
    }

    /// Runs a claimed job to its end and finishes it with its outcome (if the lease still holds).
    func run(_ job: PanelJobModel, token: String) async throws -> Outcome {
        let (outcome, take) = try await produce(job)
        try await finish(job, token: token, outcome, publishing: take)
        return outcome
    }

    /// Loads what the job needs (the tool once) and asks the model unless the take would not change.
    private func produce(_ job: PanelJobModel) async throws -> (Outcome, PanelTake?) {
        guard let backend = config.backend(named: job.backend) else { return (.failed("backend '\(job.backend)' is not configured"), nil) }
        guard let persona = Persona(rawValue: job.persona) else { return (.failed("unknown persona '\(job.persona)'"), nil) }
        guard let tool = try await ToolModel.find(id: job.$tool.id, on: db), let toolID = tool.id else {
            return (.failed("the tool no longer exists"), nil)
        }
        let key = ProvenanceKey(model: backend.model(for: persona), promptVersion: PanelPrompt.version, factsHash: tool.factsHash)
        if !job.force {
            let published = try await TakeModel.hasCurrent(tool: toolID, persona: persona, key: key, on: db)
            let pending = try await Moderation.wasProposed(tool: toolID, persona: persona, key: key, on: db)
            if published || pending { return (.unchanged, nil) }
        }
        return try await ask(backend, persona: persona, tool: tool, key: key)
    }

    /// Asks the model until a reply passes validation: transient failures are retried with
    /// backoff, and after `validationAttempts` invalid replies the persona abstains.
    private func ask(_ backend: LLMBackend, persona: Persona, tool: ToolModel, key: ProvenanceKey) async throws -> (Outcome, PanelTake?) {
        let request = ChatRequest(
            backend: backend, model: key.model, messages: PanelPrompt.messages(for: persona, tool: tool.tool),
            schema: TakeSchema.jsonSchema)
        var rejections: [String] = []
        var attempt = 0
        var rng = random.generator
        while true {
            let reply: ChatReply
            do {
                reply = try await client.complete(request)
            } catch {
                guard let delay = policy.delay(attempt: attempt, failure: error, using: &rng) else {
                    return (.failed("\(error)"), nil)
                }
                logger.notice(
                    "panel: \(tool.slug)/\(persona.rawValue) on \(backend.name): \(error); retrying in \(String(format: "%.1f", delay)) s")
                attempt += 1
                try await sleep(delay)
                continue
            }
            SiteMetrics.modelUsage(reply.usage, backend: backend)
            switch TakeParser.parse(reply.content, persona: persona) {
            case .success(let parsed):
                let row = Self.row(parsed, reply: reply, backend: backend, key: key, tool: tool.id!)
                return (.wrote, PanelTake(row: row, persona: persona, tool: tool, backend: backend.name))
            case .failure(let rejection):
                rejections.append(rejection.description)
                guard rejections.count < validationAttempts else {
                    let reason = "no valid take after \(rejections.count) replies: \(rejections.last ?? "")"
                    let row = TakeModel.abstention(tool: tool.id!, persona: persona, reason: reason, key: key, backend: backend.name)
                    return (.abstained(reason), PanelTake(row: row, persona: persona, tool: tool, backend: backend.name))
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
