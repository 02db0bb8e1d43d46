import Fluent
import FluentSQL
import Foundation

extension VoterModel {
    /// A voter id this site issued, to store.
    struct NewVoter: Sendable {
        var voter: String
        var network: String
        var counted: Bool
        var at: Date
    }

    /// Stores a voter id this site issued, unless it is already on record, and returns whether
    /// the stored voter counts: `counted`, or what an earlier record of the same id said.
    static func record(_ voter: String, network: String, counted: Bool, at: Date, on db: any Database) async throws -> Bool {
        try await record([NewVoter(voter: voter, network: network, counted: counted, at: at)], on: db)[0]
    }

    /// Stores several voters with one statement (new readers voting at once, group-committed);
    /// returns whether each stored voter counts, in order.
    static func record(_ voters: [NewVoter], on db: any Database) async throws -> [Bool] {
        guard !voters.isEmpty else { return [] }
        var unique: [String: NewVoter] = [:]
        for v in voters where unique[v.voter] == nil { unique[v.voter] = v }
        var insert = db.sql().insert(into: schema).columns("id", "network", "counted", "created_at")
        for v in unique.values { insert = insert.values(SQLBind(v.voter), SQLBind(v.network), SQLBind(v.counted), SQLBind(v.at)) }
        let inserted = try await insert.ignoringConflicts(with: "id").returning("id").all()
        let new = Set(try inserted.map { try $0.decode(column: "id", as: String.self) })
        var answers: [String: Bool] = [:]
        for v in unique.values {
            answers[v.voter] = new.contains(v.voter) ? v.counted : (try await isCounted(v.voter, on: db) ?? v.counted)
        }
        return voters.map { answers[$0.voter] ?? $0.counted }
    }

    /// Whether the voter's votes count; nil when the voter is not on record.
    static func isCounted(_ voter: String, on db: any Database) async throws -> Bool? {
        try await VoterModel.find(voter, on: db)?.counted
    }
}
