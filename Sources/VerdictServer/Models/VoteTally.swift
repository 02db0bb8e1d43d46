import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// Each tool's ship, skip and discounted vote counts (`vote_tallies`), changed in the
/// transaction that stores the votes and read by every page that shows a community score: one
/// row per tool, however many votes it has.
enum VoteTally {
    static let schema = "vote_tallies"

    /// What one stored vote adds to: ship or skip when it counts, discounted when it does not.
    enum Bucket {
        case ship, skip, discounted

        init(vote: Verdict, counted: Bool) {
            self = !counted ? .discounted : (vote == .ship ? .ship : .skip)
        }
    }

    /// The change a batch of votes makes to one tool's counts.
    struct Delta: Sendable, Equatable {
        var ship = 0
        var skip = 0
        var discounted = 0

        mutating func add(_ bucket: Bucket, _ n: Int) {
            switch bucket {
            case .ship: ship += n
            case .skip: skip += n
            case .discounted: discounted += n
            }
        }
    }

    /// The changes `votes` make, given each (tool, voter)'s vote stored before them. A changed
    /// vote moves between buckets; it keeps its first `counted` (the upsert changes only the
    /// verdict), as `VoteModel.upsert` does.
    static func deltas(
        _ votes: [(tool: UUID, voter: String, vote: Verdict, counted: Bool)], before: [VoteModel.Key: VoteModel.Stored]
    ) -> [UUID: Delta] {
        var out: [UUID: Delta] = [:]
        for v in votes {
            let old = before[VoteModel.Key(tool: v.tool, voter: v.voter)]
            if let old { out[v.tool, default: Delta()].add(Bucket(vote: old.vote, counted: old.counted), -1) }
            out[v.tool, default: Delta()].add(Bucket(vote: v.vote, counted: old?.counted ?? v.counted), 1)
        }
        return out.filter { $0.value != Delta() }
    }

    /// Adds `deltas` to the stored counts, creating a tool's row at its first vote.
    static func apply(_ deltas: [UUID: Delta], on db: any Database) async throws {
        guard !deltas.isEmpty else { return }
        let rows: [[any SQLExpression]] = deltas.sorted { $0.key.uuidString < $1.key.uuidString }.map { id, d in
            [SQLBind(id), SQLBind(Int64(d.ship)), SQLBind(Int64(d.skip)), SQLBind(Int64(d.discounted))]
        }
        try await db.sql().insert(into: schema)
            .columns("tool_id", "ship", "skip", "discounted")
            .rows(rows)
            .onConflict(with: ["tool_id"]) { conflict in
                var update = conflict
                for column in ["ship", "skip", "discounted"] {
                    update = update.set(SQLIdentifier(column), to: SQLRaw("\(schema).\(column) + excluded.\(column)"))
                }
                return update
            }
            .run()
    }

    /// Each tool's counts; a tool nobody has voted on is absent.
    static func counts(forTools ids: [UUID], on db: any Database) async throws -> [UUID: CommunityScore] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable {
            var tool_id: UUID
            var ship: Int
            var skip: Int
            var discounted: Int
        }
        var out: [UUID: CommunityScore] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let slice = Array(ids[start..<min(start + 500, ids.count)])
            let rows = try await db.sql().select().columns("tool_id", "ship", "skip", "discounted").from(schema)
                .where("tool_id", .in, slice).all(decoding: Row.self)
            for r in rows where r.ship + r.skip + r.discounted > 0 {
                out[r.tool_id] = CommunityScore(ship: r.ship, skip: r.skip, discounted: r.discounted)
            }
        }
        return out
    }

    /// Counts every tool's votes again from the votes themselves (the migration that made the
    /// table, and `verdict` operators after restoring votes by hand).
    static func rebuild(on db: any Database) async throws {
        try await db.sql().delete(from: schema).run()
        try await db.sql().raw(
            """
            INSERT INTO \(ident: schema) (tool_id, ship, skip, discounted)
            SELECT tool_id,
                SUM(CASE WHEN counted = \(bind: true) AND vote = \(bind: Verdict.ship.rawValue) THEN 1 ELSE 0 END),
                SUM(CASE WHEN counted = \(bind: true) AND vote <> \(bind: Verdict.ship.rawValue) THEN 1 ELSE 0 END),
                SUM(CASE WHEN counted = \(bind: true) THEN 0 ELSE 1 END)
            FROM \(ident: VoteModel.schema) GROUP BY tool_id
            """
        ).run()
    }
}
