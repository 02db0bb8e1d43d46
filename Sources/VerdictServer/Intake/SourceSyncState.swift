import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// The row of `source_syncs` for one source: the validators and body hash of its last good
/// download, and when it last ran, succeeded and failed (with the reason), for the desk.
struct SourceSyncState: Codable, Sendable {
    static let schema = "source_syncs"

    var name: String
    var location: String
    var etag: String?
    var last_modified: String?
    var body_hash: String?
    var attempted_at: Date?
    var succeeded_at: Date?
    var failed_at: Date?
    var error: String?
    var diff: String?

    /// True when the last run failed: a success clears the error.
    var isFailing: Bool { error != nil }

    static func find(_ name: String, on db: any Database) async throws -> SourceSyncState? {
        try await db.sql().select().columns("*").from(schema).where("name", .equal, SQLBind(name)).first(decoding: SourceSyncState.self)
    }

    static func all(on db: any Database) async throws -> [SourceSyncState] {
        try await db.sql().select().columns("*").from(schema).orderBy("name").all(decoding: SourceSyncState.self)
    }

    /// When each source last synced successfully, by name.
    static func lastSuccesses(on db: any Database) async throws -> [String: Date] {
        Dictionary(try await all(on: db).compactMap { state in state.succeeded_at.map { (state.name, $0) } }, uniquingKeysWith: max)
    }

    /// Stores the row (insert or replace by name).
    func save(on db: any Database) async throws {
        try await db.sql().insert(into: Self.schema)
            .columns("name", "location", "etag", "last_modified", "body_hash", "attempted_at", "succeeded_at", "failed_at", "error", "diff")
            .values(
                SQLBind(name), SQLBind(location), SQLBind(etag), SQLBind(last_modified), SQLBind(body_hash), SQLBind(attempted_at),
                SQLBind(succeeded_at), SQLBind(failed_at), SQLBind(error), SQLBind(diff)
            )
            .onConflict(with: ["name"]) { update in
                update.set(excludedValueOf: "location").set(excludedValueOf: "etag").set(excludedValueOf: "last_modified")
                    .set(excludedValueOf: "body_hash").set(excludedValueOf: "attempted_at").set(excludedValueOf: "succeeded_at")
                    .set(excludedValueOf: "failed_at").set(excludedValueOf: "error").set(excludedValueOf: "diff")
            }
            .run()
    }
}
