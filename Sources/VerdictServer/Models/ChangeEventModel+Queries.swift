import Fluent
import Foundation

extension ChangeEventModel {
    /// Records a change for the other servers; returns its id.
    @discardableResult
    static func record(_ scope: CacheScope, origin: String, at now: Date, on db: any Database) async throws -> Int64? {
        let event = ChangeEventModel(origin: origin, scope: scope.encoded, createdAt: now)
        try await event.create(on: db)
        return event.id
    }

    /// Events with an id above `after`, oldest first, at most `limit`.
    static func since(_ after: Int64, limit: Int, on db: any Database) async throws -> [ChangeEventModel] {
        try await query(on: db).filter(\.$id > after).sort(\.$id).limit(limit).all()
    }

    /// The newest id, or 0 when there are none.
    static func latestID(on db: any Database) async throws -> Int64 {
        try await query(on: db).max(\.$id) ?? 0
    }

    /// Forgets events older than `cutoff`: a server that was away that long starts empty anyway.
    static func prune(before cutoff: Date, on db: any Database) async throws {
        try await query(on: db).filter(\.$createdAt < cutoff).delete()
    }
}
