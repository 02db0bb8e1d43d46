import Fluent
import FluentSQL
import Foundation

extension TakeReviewModel {
    /// Reviews in one state, tools loaded: the pending queue oldest first, decided ones newest first.
    static func list(status: Status, limit: Int, on db: any Database) async throws -> [TakeReviewModel] {
        try await TakeReviewModel.query(on: db).filter(\.$statusRaw == status.rawValue)
            .sort(\.$createdAt, status == .pending ? .ascending : .descending).limit(limit).with(\.$tool).all()
    }

    static func find(id: UUID, on db: any Database) async throws -> TakeReviewModel? {
        try await TakeReviewModel.find(id, on: db)
    }

    static func count(status: Status, on db: any Database) async throws -> Int {
        try await TakeReviewModel.query(on: db).filter(\.$statusRaw == status.rawValue).count()
    }

    /// The reviews of one persona's takes on one tool that are in any of `statuses`.
    static func reviews(tool: UUID, persona: String, in statuses: [Status], on db: any Database) async throws -> [TakeReviewModel] {
        try await TakeReviewModel.query(on: db).filter(\.$tool.$id == tool).filter(\.$persona == persona)
            .filter(\.$statusRaw ~~ statuses.map(\.rawValue)).all()
    }

    /// Queues a proposed take (`takeJSON`, see `TakeModel.Snapshot`) for an editor's decision.
    static func createPending(tool: UUID, persona: String, takeJSON: String, on db: any Database) async throws {
        let review = TakeReviewModel()
        review.$tool.id = tool
        review.persona = persona
        review.statusRaw = Status.pending.rawValue
        review.takeJSON = takeJSON
        try await review.create(on: db)
    }

    /// Rejects a pending review because a newer proposal replaced it; `decidedBy` says so.
    static func setAside(_ review: TakeReviewModel, decidedBy: String, at now: Date, on db: any Database) async throws {
        review.statusRaw = Status.rejected.rawValue
        review.decidedBy = decidedBy
        review.decidedAt = now
        try await review.save(on: db)
    }

    /// Stores the editor's words (`editedText`) of an approved review.
    static func saveEditedText(_ review: TakeReviewModel, on db: any Database) async throws {
        try await review.save(on: db)
    }

    /// Records a decision on a pending review in one conditional UPDATE, so of two editors
    /// deciding at once (on any app server) exactly one wins; false for the loser.
    static func decide(_ id: UUID, as status: Status, actor: String, at: Date, on db: any Database) async throws -> Bool {
        let won = try await db.sql().update(schema)
            .set("status", to: status.rawValue).set("decided_by", to: actor).set("decided_at", to: at)
            .where("id", .equal, id).where("status", .equal, Status.pending.rawValue)
            .returning("id").all()
        return !won.isEmpty
    }
}
