import Fluent
import FluentSQL
import Foundation

extension ChangeEventModel {
    /// Records a change for the other servers; returns its id.
    @discardableResult
    static func record(_ scope: CacheScope, origin: String, at now: Date, on db: any Database) async throws -> Int64? {
        let event = ChangeEventModel(origin: origin, scope: scope.encoded, createdAt: now)
        try await event.create(on: db)
        return event.id
    }

    /// Wakes the followers that LISTEN on `channel` (PostgreSQL). SQLite has no notifications:
    /// its followers read the table every 100 ms instead.
    static func notify(_ channel: String, on db: any Database) async throws {
        guard !db.isSQLite else { return }
        try await db.sql().raw("SELECT pg_notify(\(bind: channel), '')").run()
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
