import Fluent
import FluentSQL
import Foundation

extension TakeReviewModel {
    /// Reviews in one state, tools loaded: the pending queue oldest first, decided ones newest first.
    static func list(status: Status, limit: Int, on db: any Database) async throws -> [TakeReviewModel] {
        try await TakeReviewModel.query(on: db).filter(\.$statusRaw == status.rawValue)
            .sort(\.$createdAt, status == .pending ? .ascending : .descending).limit(limit).with(\.$tool).all()
    }

    static func count(status: Status, on db: any Database) async throws -> Int {
        try await TakeReviewModel.query(on: db).filter(\.$statusRaw == status.rawValue).count()
    }

    /// The reviews of one persona's takes on one tool that are in any of `statuses`.
    static func reviews(tool: UUID, persona: String, in statuses: [Status], on db: any Database) async throws -> [TakeReviewModel] {
        try await TakeReviewModel.query(on: db).filter(\.$tool.$id == tool).filter(\.$persona == persona)
            .filter(\.$statusRaw ~~ statuses.map(\.rawValue)).all()
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
