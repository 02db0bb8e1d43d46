import Fluent
import Foundation
import Vapor
import VerdictCore

/// The moderation queue for model-written takes: propose (a job), approve — as written or
/// edited, the model's words kept — or reject (an editor).
enum Moderation {
    enum Failure: Error, Equatable {
        case notFound
        case alreadyDecided(String)
        case superseded
    }

    /// Queues `row` (not yet stored) instead of publishing it. An older pending proposal for the
    /// same persona is set aside: only the newest model take can be approved.
    static func propose(_ row: TakeModel, tool: ToolModel, actor: String, at now: Date, on db: any Database) async throws {
        let toolID = try tool.requireID()
        let older = try await TakeReviewModel.reviews(tool: toolID, persona: row.persona, in: [.pending], on: db)
        for old in older {
            try await TakeReviewModel.setAside(old, decidedBy: "\(actor): a newer take replaced it", at: now, on: db)
            try await Audit.record(
                actor, "take.set_aside", subject: Audit.subject(tool: tool.slug, persona: old.persona),
                before: proposed(old).map { Audit.json(Audit.TakeRecord($0)) }, at: now, on: db)
        }
        let takeJSON = try String(decoding: JSONEncoder().encode(row), as: UTF8.self)
        try await TakeReviewModel.createPending(tool: toolID, persona: row.persona, takeJSON: takeJSON, on: db)
        try await Audit.record(
            actor, "take.proposed", subject: Audit.subject(tool: tool.slug, persona: row.persona),
            after: Audit.json(Audit.TakeRecord(row)), at: now, on: db)
    }

    /// The proposed take row of a review (not stored).
    static func proposed(_ review: TakeReviewModel) -> TakeModel? {
        try? JSONDecoder().decode(TakeModel.self, from: Data(review.takeJSON.utf8))
    }

    /// A model take with this provenance is waiting for a decision or was rejected, so an
    /// unforced run does not bill for the same take again (the desk's "re-run panel" forces).
    static func wasProposed(tool: UUID, persona: Persona, key: ProvenanceKey, on db: any Database) async throws -> Bool {
        let pending = try await TakeReviewModel.reviews(tool: tool, persona: persona.rawValue, in: [.pending, .rejected], on: db)
        return pending.contains { review in
            guard let row = proposed(review) else { return false }
            return row.model == key.model && row.promptVersion == key.promptVersion && row.factsHash == key.factsHash
        }
    }

    /// Publishes the take, replacing the persona's current one. With `editedText`, the published
    /// words are the editor's, marked as edited, and the model's original words are kept.
    @discardableResult
    static func approve(
        _ id: UUID, editedText: String?, actor: String, at now: Date, on db: any Database, changes: SiteChanges
    ) async throws -> TakeReviewModel {
        let review = try await db.writeTransaction(attempts: 1) { tx in
            let review = try await decide(id, as: .approved, actor: actor, at: now, on: tx)
            guard let row = proposed(review), let tool = try await ToolModel.find(id: review.$tool.id, on: tx) else {
                throw Failure.notFound
            }
            if let editedText, editedText != row.text {
                row.originalText = row.text
                row.text = editedText
                row.editedBy = actor
                review.editedText = editedText
            }
            let current = try await TakeModel.currentRows(tool: review.$tool.id, on: tx)[Persona(rawValue: row.persona) ?? .builder]
            // A model or editorial take published after this one was proposed (moderation was
            // switched off, or an editor imported one) is newer: the old proposal must not
            // replace it. Rubric takes are the fallback every model take replaces.
            if let current, current.source != TakeSource.rubric.rawValue,
                let published = current.createdAt, let proposedAt = review.createdAt, published > proposedAt
            {
                throw Failure.superseded
            }
            try await TakeModel.replace(current, with: row, at: now, on: tx)
            try await ToolModel.refreshRanking([review.$tool.id], at: now, cause: "a model take an editor approved", on: tx)
            if review.editedText != nil { try await TakeReviewModel.saveEditedText(review, on: tx) }
            try await Audit.record(
                actor, row.editedBy == nil ? "take.approved" : "take.approved_edited",
                subject: Audit.subject(tool: tool.slug, persona: row.persona),
                before: current.map { Audit.json(Audit.TakeRecord($0)) }, after: Audit.json(Audit.TakeRecord(row)), at: now, on: tx)
            return review
        }
        await changes.standingsChanged([review.$tool.id])
        return review
    }

    @discardableResult
    static func reject(_ id: UUID, actor: String, at now: Date, on db: any Database) async throws -> TakeReviewModel {
        try await db.writeTransaction { tx in
            let review = try await decide(id, as: .rejected, actor: actor, at: now, on: tx)
            let slug = try await ToolModel.find(id: review.$tool.id, on: tx)?.slug ?? "?"
            try await Audit.record(
                actor, "take.rejected", subject: Audit.subject(tool: slug, persona: review.persona),
                before: proposed(review).map { Audit.json(Audit.TakeRecord($0)) }, at: now, on: tx)
            return review
        }
    }

    /// Records the decision (see `TakeReviewModel.decide`): of two editors deciding the same take
    /// at once exactly one wins; the other gets `alreadyDecided`.
    private static func decide(_ id: UUID, as status: TakeReviewModel.Status, actor: String, at now: Date, on db: any Database) async throws
        -> TakeReviewModel
    {
        let won = try await TakeReviewModel.decide(id, as: status, actor: actor, at: now, on: db)
        guard let review = try await TakeReviewModel.find(id: id, on: db) else { throw Failure.notFound }
        guard won else { throw Failure.alreadyDecided(review.statusRaw) }
        return review
    }
}

extension Moderation.Failure: AbortError {
    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .alreadyDecided, .superseded: .conflict
        }
    }

    var reason: String {
        switch self {
        case .notFound: "No take under review has that id."
        case .alreadyDecided(let status): "That take was already decided (\(status))."
        case .superseded: "A newer take by this persona was published after this one was proposed; reject this one or re-run the panel."
        }
    }
}
