import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// The head-to-head split of one pair: picks for each tool, "neither", and discounted answers.
struct PairTally: Sendable, Hashable {
    var forA = 0
    var forB = 0
    var neither = 0
    var discounted = 0

    var total: Int { forA + forB + neither }

    mutating func add(_ bucket: PairTallyRow.Bucket, _ n: Int) {
        switch bucket {
        case .forA: forA += n
        case .forB: forB += n
        case .neither: neither += n
        case .discounted: discounted += n
        }
    }
}

/// Each pair's stored split (`pair_tallies`), changed in the transaction that stores a pick.
enum PairTallyRow {
    static let schema = "pair_tallies"

    /// What one stored pick adds to: a side or neither when it counts, discounted when not.
    enum Bucket {
        case forA, forB, neither, discounted
    }

    static func bucket(pick: UUID?, counted: Bool, a: UUID, b: UUID) -> Bucket {
        guard counted else { return .discounted }
        switch pick {
        case a?: return .forA
        case b?: return .forB
        default: return .neither
        }
    }

    /// Adds `delta` to the pair's stored split, creating its row at the first pick.
    static func apply(_ delta: PairTally, a: UUID, b: UUID, on db: any Database) async throws {
        guard delta != PairTally() else { return }
        try await db.sql().insert(into: schema)
            .columns("tool_a_id", "tool_b_id", "for_a", "for_b", "neither", "discounted")
            .values(
                SQLBind(a), SQLBind(b), SQLBind(Int64(delta.forA)), SQLBind(Int64(delta.forB)), SQLBind(Int64(delta.neither)),
                SQLBind(Int64(delta.discounted))
            )
            .onConflict(with: ["tool_a_id", "tool_b_id"]) { conflict in
                var update = conflict
                for column in ["for_a", "for_b", "neither", "discounted"] {
                    update = update.set(SQLIdentifier(column), to: SQLRaw("\(schema).\(column) + excluded.\(column)"))
                }
                return update
            }
            .run()
    }

    /// Counts every pair's split again from the picks (the migration that made the table).
    static func rebuild(on db: any Database) async throws {
        try await db.sql().delete(from: schema).run()
        try await db.sql().raw(
            """
            INSERT INTO \(ident: schema) (tool_a_id, tool_b_id, for_a, for_b, neither, discounted)
            SELECT tool_a_id, tool_b_id,
                SUM(CASE WHEN counted = \(bind: true) AND pick_id = tool_a_id THEN 1 ELSE 0 END),
                SUM(CASE WHEN counted = \(bind: true) AND pick_id = tool_b_id THEN 1 ELSE 0 END),
                SUM(CASE WHEN counted = \(bind: true) AND pick_id IS NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN counted = \(bind: true) THEN 0 ELSE 1 END)
            FROM \(ident: PairVoteModel.schema) GROUP BY tool_a_id, tool_b_id
            """
        ).run()
    }
}

extension PairVoteModel {
    /// One changeable pick per voter per pair, in one statement (see `VoteModel.upsert`).
    /// `a` and `b` must be in canonical order; `pick` nil means "neither".
    static func upsert(a: UUID, b: UUID, voter: String, pick: UUID?, counted: Bool, at now: Date, on db: any Database) async throws {
        try await db.sql().insert(into: schema)
            .columns("id", "tool_a_id", "tool_b_id", "voter", "pick_id", "counted", "created_at", "updated_at")
            .values(SQLBind(UUID()), SQLBind(a), SQLBind(b), SQLBind(voter), SQLBind(pick), SQLBind(counted), SQLBind(now), SQLBind(now))
            .onConflict(with: ["tool_a_id", "tool_b_id", "voter"]) { conflict in
                conflict.set(excludedValueOf: "pick_id").set(excludedValueOf: "updated_at")
            }
            .run()
    }

    /// The pair's split, from its stored tally (`PairTallyRow`): one row, however many answered.
    static func tally(a: UUID, b: UUID, on db: any Database) async throws -> PairTally {
        struct Row: Decodable {
            var for_a: Int
            var for_b: Int
            var neither: Int
            var discounted: Int
        }
        let row = try await db.sql().select().columns("for_a", "for_b", "neither", "discounted").from(PairTallyRow.schema)
            .where("tool_a_id", .equal, SQLBind(a)).where("tool_b_id", .equal, SQLBind(b)).first(decoding: Row.self)
        guard let row else { return PairTally() }
        return PairTally(forA: row.for_a, forB: row.for_b, neither: row.neither, discounted: row.discounted)
    }

    /// The same split counted from the picks themselves (to check the tally against).
    static func countRows(a: UUID, b: UUID, on db: any Database) async throws -> PairTally {
        struct Row: Decodable {
            var pick_id: UUID?
            var counted: Bool
            var n: Int
        }
        let rows = try await db.sql().select().column("pick_id").column("counted")
            .column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(schema)
            .where("tool_a_id", .equal, SQLBind(a)).where("tool_b_id", .equal, SQLBind(b))
            .groupBy("pick_id").groupBy("counted").all(decoding: Row.self)
        var t = PairTally()
        for r in rows {
            t.add(PairTallyRow.bucket(pick: r.pick_id, counted: r.counted, a: a, b: b), r.n)
        }
        return t
    }

    /// The voter's current pick on a pair: nil if they have not answered, `.some(nil)` for neither.
    static func pick(a: UUID, b: UUID, voter: String, on db: any Database) async throws -> UUID?? {
        guard
            let row = try await PairVoteModel.query(on: db).filter(\.$toolA == a).filter(\.$toolB == b)
                .filter(\.$voter == voter).first()
        else { return nil }
        return .some(row.pick)
    }

    /// Every decided, counted head-to-head as wins by slug, for the leaderboard: one row per
    /// pair and side from the stored tallies, not a count of every pick.
    static func results(on db: any Database) async throws -> [PairwiseResult] {
        struct Row: Decodable {
            var winner: String
            var loser: String
            var n: Int
        }
        let rows = try await db.sql().raw(
            """
            SELECT w.slug AS winner, l.slug AS loser, p.n AS n
            FROM (
                SELECT tool_a_id AS won, tool_b_id AS lost, for_a AS n FROM pair_tallies WHERE for_a > 0
                UNION ALL
                SELECT tool_b_id AS won, tool_a_id AS lost, for_b AS n FROM pair_tallies WHERE for_b > 0
            ) p
            JOIN tools w ON w.id = p.won
            JOIN tools l ON l.id = p.lost
            """
        ).all(decoding: Row.self)
        return rows.map { PairwiseResult(winner: $0.winner, loser: $0.loser, count: $0.n) }
    }
}
