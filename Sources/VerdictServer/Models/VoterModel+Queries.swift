import Fluent
import FluentSQL
import Foundation

extension VoterModel {
    /// Stores a voter id this site issued, unless it is already on record, and returns whether
    /// the stored voter counts: `counted`, or what an earlier record of the same id said.
    static func record(_ voter: String, network: String, counted: Bool, at: Date, on db: any Database) async throws -> Bool {
        let inserted = try await db.sql().insert(into: schema)
            .columns("id", "network", "counted", "created_at")
            .values(SQLBind(voter), SQLBind(network), SQLBind(counted), SQLBind(at))
            .ignoringConflicts(with: "id")
            .returning("id").all()
        if !inserted.isEmpty { return counted }
        return try await isCounted(voter, on: db) ?? counted
    }

    /// Whether the voter's votes count; nil when the voter is not on record.
    static func isCounted(_ voter: String, on db: any Database) async throws -> Bool? {
        try await VoterModel.find(voter, on: db)?.counted
    }
}
