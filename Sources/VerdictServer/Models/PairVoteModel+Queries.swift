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

    static func tally(a: UUID, b: UUID, on db: any Database) async throws -> PairTally {
        // One grouped count over the pair's slice of the (tool_a_id, tool_b_id, voter) index:
        // at most four rows back, however many readers answered.
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
            if !r.counted {
                t.discounted += r.n
            } else if r.pick_id == a {
                t.forA += r.n
            } else if r.pick_id == b {
                t.forB += r.n
            } else {
                t.neither += r.n
            }
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

    /// Every decided, counted head-to-head, aggregated into wins by slug, for the leaderboard.
    static func results(on db: any Database) async throws -> [PairwiseResult] {
        struct Row: Decodable {
            var winner: String
            var loser: String
            var n: Int
        }
        // The loser is whichever of the pair was not picked.
        let rows = try await db.sql().raw(
            """
            SELECT w.slug AS winner, l.slug AS loser, COUNT(*) AS n
            FROM pair_votes p
            JOIN tools w ON w.id = p.pick_id
            JOIN tools l ON l.id = CASE WHEN p.pick_id = p.tool_a_id THEN p.tool_b_id ELSE p.tool_a_id END
            WHERE p.counted = \(bind: true) AND p.pick_id IS NOT NULL
            GROUP BY w.slug, l.slug
            """
        ).all(decoding: Row.self)
        return rows.map { PairwiseResult(winner: $0.winner, loser: $0.loser, count: $0.n) }
    }
}
