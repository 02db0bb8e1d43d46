import Fluent
import FluentSQL
import Foundation
import VerdictCore

extension VoteModel {
    /// Ship/skip counts per tool; votes that carry no weight are counted apart as discounted.
    /// Read from the stored tallies (`VoteTally`), not by counting the votes.
    static func counts(forTools ids: [UUID], on db: any Database) async throws -> [UUID: CommunityScore] {
        try await VoteTally.counts(forTools: ids, on: db)
    }

    /// The same numbers counted from the votes themselves: for the migration that ranked an
    /// existing catalog before the tallies existed, and to check the tallies against.
    static func countRows(forTools ids: [UUID], on db: any Database) async throws -> [UUID: CommunityScore] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable {
            var tool_id: UUID
            var vote: String
            var counted: Bool
            var n: Int
        }
        let rows = try await db.sql().select()
            .column("tool_id").column("vote").column("counted")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(VoteModel.schema)
            .where("tool_id", .in, ids)
            .groupBy("tool_id").groupBy("vote").groupBy("counted")
            .all(decoding: Row.self)
        var out: [UUID: CommunityScore] = [:]
        for row in rows {
            var score = out[row.tool_id] ?? CommunityScore(ship: 0, skip: 0)
            if !row.counted {
                score.discounted += row.n
            } else if row.vote == Verdict.ship.rawValue {
                score.ship += row.n
            } else {
                score.skip += row.n
            }
            out[row.tool_id] = score
        }
        return out
    }

    /// A vote's key: one per voter per tool.
    struct Key: Hashable, Sendable {
        var tool: UUID
        var voter: String
    }

    /// A stored vote, as far as the tallies care.
    struct Stored: Sendable {
        var vote: Verdict
        var counted: Bool
    }

    /// The votes already stored under these keys (by the unique (tool, voter) index).
    static func stored(_ keys: [Key], on db: any Database) async throws -> [Key: Stored] {
        guard !keys.isEmpty else { return [:] }
        struct Row: Decodable {
            var tool_id: UUID
            var voter: String
            var vote: String
            var counted: Bool
        }
        let wanted = Set(keys)
        let rows = try await db.sql().select().columns("tool_id", "voter", "vote", "counted").from(VoteModel.schema)
            .where("tool_id", .in, Array(Set(keys.map(\.tool))))
            .where("voter", .in, Array(Set(keys.map(\.voter))))
            .all(decoding: Row.self)
        var out: [Key: Stored] = [:]
        for r in rows {
            let key = Key(tool: r.tool_id, voter: r.voter)
            guard wanted.contains(key), let vote = Verdict(rawValue: r.vote) else { continue }
            out[key] = Stored(vote: vote, counted: r.counted)
        }
        return out
    }

    /// One vote per voter per tool: inserts, or replaces the earlier vote, in one statement so
    /// concurrent votes from the same voter cannot create a second row. Keys must be unique.
    static func upsert(_ votes: [(tool: UUID, voter: String, vote: Verdict, counted: Bool)], at now: Date, on db: any Database) async throws
    {
        guard !votes.isEmpty else { return }
        var random = SystemRandomNumberGenerator()
        let rows: [[any SQLExpression]] = votes.map { v in
            [
                SQLBind(UUID.timeOrdered(at: now, using: &random)), SQLBind(v.tool), SQLBind(v.voter), SQLBind(v.vote.rawValue),
                SQLBind(v.counted),
                SQLBind(now), SQLBind(now),
            ]
        }
        try await db.sql().insert(into: VoteModel.schema)
            .columns("id", "tool_id", "voter", "vote", "counted", "created_at", "updated_at")
            .rows(rows)
            .onConflict(with: ["tool_id", "voter"]) { conflict in
                conflict.set(excludedValueOf: "vote").set(excludedValueOf: "updated_at")
            }
            .run()
    }

    /// Each tool's community ship % from counted votes cast before `date`, by slug; tools
    /// without such votes are absent.
    static func shipPercents(before date: Date, on db: any Database) async throws -> [String: Int?] {
        struct Row: Decodable {
            var slug: String
            var ship: Int
            var total: Int
        }
        let rows = try await db.sql().raw(
            """
            SELECT t.slug AS slug, SUM(CASE WHEN v.vote = 'ship' THEN 1 ELSE 0 END) AS ship, COUNT(*) AS total
            FROM votes v JOIN tools t ON t.id = v.tool_id
            WHERE v.counted = \(bind: true) AND v.created_at < \(bind: date)
            GROUP BY t.slug
            """
        ).all(decoding: Row.self)
        var out: [String: Int?] = [:]
        for r in rows { out[r.slug] = wholePercent(r.ship, of: r.total) }
        return out
    }

    static func vote(tool id: UUID, voter: String, on db: any Database) async throws -> Verdict? {
        let row = try await VoteModel.query(on: db).filter(\.$tool.$id == id).filter(\.$voter == voter).first()
        return row.flatMap { Verdict(rawValue: $0.vote) }
    }

    /// This voter's votes on several tools, by tool id.
    static func votes(tools ids: [UUID], voter: String, on db: any Database) async throws -> [UUID: Verdict] {
        let rows = try await VoteModel.query(on: db).filter(\.$tool.$id ~~ ids).filter(\.$voter == voter).all()
        var out: [UUID: Verdict] = [:]
        for row in rows { out[row.$tool.id] = Verdict(rawValue: row.vote) }
        return out
    }
}
