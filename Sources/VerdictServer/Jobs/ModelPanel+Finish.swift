import Fluent
import Foundation
import VerdictCore

/// A take a job produced, published as the job ends: the model's take, or an abstention.
struct PanelTake: Sendable {
    let row: TakeModel
    let persona: Persona
    /// The job's tool, loaded once when the job started.
    let tool: ToolModel
    let backend: String

    /// "the Buyer's model take (gpt-x, panel-3)": why the verdict moved, on the tool's page.
    var cause: String {
        "the \(persona.displayName)'s model take (\(row.model ?? backend), \(row.promptVersion ?? "?"))"
    }
}

extension ModelPanel.Outcome {
    /// The job's final state and the note kept with it.
    var ending: (state: PanelJobModel.State, note: String?) {
        switch self {
        case .wrote: (.done, nil)
        case .unchanged: (.done, "unchanged: not re-billed")
        case .abstained(let reason): (.abstained, reason)
        case .failed(let reason): (.failed, reason)
        }
    }
}

extension ModelPanel {
    /// Ends a job: the one place a job leaves `running`. One transaction publishes the take (if
    /// any) and runs the conditional UPDATE, which matches only while this worker holds the
    /// lease, so workers on several servers never both end one job. A take is kept only under
    /// the lease: if another worker took the job over, the transaction rolls back (`LeaseLost`),
    /// so no take is written twice.
    func finish(_ job: PanelJobModel, token: String, _ outcome: Outcome, publishing take: PanelTake?) async throws {
        let ending = outcome.ending
        // Write-locked from its first statement (SQLite): this transaction reads, then writes,
        // and a deferred one would fail outright if another job committed in between. Run once:
        // the take row is not safe to insert twice.
        try await db.writeTransaction(attempts: 1) { tx in
            if let take {
                try await publish(take, on: tx)
                try await ToolModel.refreshRanking([take.row.$tool.id], at: now(), cause: take.cause, on: tx)
            }
            let ended = try await PanelJobModel.finish(job.id!, token: token, state: ending.state, error: ending.note, now: now(), on: tx)
            if !ended, take != nil { throw LeaseLost() }
        }
        if let take { await changes?.standingsChanged([take.row.$tool.id]) }
    }

    /// Publishes a take, replacing the persona's current one, or queues it for an editor when
    /// moderation is on.
    private func publish(_ take: PanelTake, on tx: any Database) async throws {
        let actor = Audit.panelJob(take.backend)
        if try await EditorialSettings.moderatesModelTakes(on: tx) {
            try await Moderation.propose(take.row, tool: take.tool, actor: actor, at: now(), on: tx)
            return
        }
        let current = try await TakeModel.currentRows(tool: take.row.$tool.id, on: tx)[take.persona]
        try await TakeModel.replace(current, with: take.row, at: now(), on: tx)
        try await Audit.record(
            actor, "take.written", subject: Audit.subject(tool: take.tool.slug, persona: take.row.persona),
            before: current.map { Audit.json(Audit.TakeRecord($0)) }, after: Audit.json(Audit.TakeRecord(take.row)), at: now(), on: tx)
    }

    /// The row for a validated model reply, with its provenance, tokens and cost.
    static func row(_ parsed: ParsedTake, reply: ChatReply, backend: LLMBackend, key: ProvenanceKey, tool: UUID) -> TakeModel {
        let row = TakeModel(toolID: tool, take: parsed.take, promptVersion: key.promptVersion, factsHash: key.factsHash)
        row.backend = backend.name
        row.model = key.model
        row.temperature = backend.temperature
        row.promptTokens = reply.usage.prompt
        row.cachedTokens = reply.usage.cached
        row.completionTokens = reply.usage.completion
        row.costUSD = backend.pricing?.cost(reply.usage)
        row.latencyMS = reply.latencyMS
        row.reliedOn = String(data: (try? JSONEncoder().encode(parsed.reliedOn)) ?? Data("[]".utf8), encoding: .utf8)
        return row
    }
}

/// This worker's lease on a job expired and another worker holds it now.
struct LeaseLost: Error, CustomStringConvertible {
    var description: String { "lease lost: another worker took the job over" }
}
