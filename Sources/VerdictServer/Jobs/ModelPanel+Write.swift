import Fluent
import Foundation
import VerdictCore

extension ModelPanel {
    /// Stores the take and ends the job in one transaction. If another worker took the job over
    /// (this lease expired), the transaction rolls back, so no take is written twice.
    func write(
        _ parsed: ParsedTake, reply: ChatReply, backend: LLMBackend, key: ProvenanceKey, tool: UUID,
        job: PanelJobModel, token: String
    ) async throws {
        let cost = backend.pricing?.cost(reply.usage)
        try await db.transaction { tx in
            let current = try await TakeModel.currentRows(tool: tool, on: tx)[parsed.take.persona]
            let row = TakeModel(toolID: tool, take: parsed.take, promptVersion: key.promptVersion, factsHash: key.factsHash)
            row.backend = backend.name
            row.model = key.model
            row.temperature = backend.temperature
            row.promptTokens = reply.usage.prompt
            row.cachedTokens = reply.usage.cached
            row.completionTokens = reply.usage.completion
            row.costUSD = cost
            row.latencyMS = reply.latencyMS
            row.reliedOn = String(data: (try? JSONEncoder().encode(parsed.reliedOn)) ?? Data("[]".utf8), encoding: .utf8)
            try await publish(row, replacing: current, tool: tool, backend: backend.name, on: tx)
            guard try await PanelJobModel.finish(job.id!, token: token, state: .done, error: nil, on: tx) else {
                throw LeaseLost()
            }
        }
    }

    /// Records that the persona abstained: a current take row with verdict `abstain`, which
    /// never counts as ship or skip.
    func abstain(
        _ reason: String, backend: LLMBackend, key: ProvenanceKey, tool: UUID, persona: Persona,
        job: PanelJobModel, token: String
    ) async throws {
        try await db.transaction { tx in
            let current = try await TakeModel.currentRows(tool: tool, on: tx)[persona]
            let row = TakeModel.abstention(tool: tool, persona: persona, reason: reason, key: key, backend: backend.name)
            try await publish(row, replacing: current, tool: tool, backend: backend.name, on: tx)
            guard try await PanelJobModel.finish(job.id!, token: token, state: .abstained, error: reason, on: tx) else {
                throw LeaseLost()
            }
        }
    }
}

extension ModelPanel {
    /// Publishes a model-written row, or queues it for an editor when moderation is on.
    private func publish(_ row: TakeModel, replacing current: TakeModel?, tool: UUID, backend: String, on tx: any Database) async throws {
        guard let toolModel = try await ToolModel.find(tool, on: tx) else { return }
        if try await EditorialSettings.moderatesModelTakes(on: tx) {
            try await Moderation.propose(row, tool: toolModel, actor: Audit.panelJob(backend), on: tx)
            return
        }
        try await TakeModel.replace(current, with: row, on: tx)
        try await Audit.record(
            Audit.panelJob(backend), "take.written", subject: Audit.subject(tool: toolModel.slug, persona: row.persona),
            before: current.map { Audit.json(Audit.TakeRecord($0)) }, after: Audit.json(Audit.TakeRecord(row)), on: tx)
    }
}

/// This worker's lease on a job expired and another worker holds it now.
struct LeaseLost: Error, CustomStringConvertible {
    var description: String { "lease lost: another worker took the job over" }
}
