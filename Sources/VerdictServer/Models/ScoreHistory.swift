import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// Each tool's panel and community scores by UTC day: the last value of the day wins. Written
/// by `ToolModel.refreshRanking` in the transaction of every change of takes or votes, read by
/// the tool page's timeline (one index range per page).
enum ScoreHistory {
    static let schema = "score_days"

    struct Score: Sendable {
        var tool: UUID
        var panel: Int
        var community: Int
        var votes: Int
    }

    /// Upserts today's row of each tool.
    static func record(_ scores: [Score], at now: Date, on db: any Database) async throws {
        guard !scores.isEmpty else { return }
        let day = UTCDate.day(now)
        let rows: [[any SQLExpression]] = scores.map { s in
            [SQLBind(UUID()), SQLBind(s.tool), SQLBind(day), SQLBind(s.panel), SQLBind(s.community), SQLBind(s.votes), SQLBind(now)]
        }
        try await db.sql().insert(into: schema)
            .columns("id", "tool_id", "day", "panel_ship", "community_ship", "votes", "updated_at")
            .rows(rows)
            .onConflict(with: ["tool_id", "day"]) { conflict in
                conflict.set(excludedValueOf: "panel_ship").set(excludedValueOf: "community_ship").set(excludedValueOf: "votes")
                    .set(excludedValueOf: "updated_at")
            }
            .run()
    }

    struct Row: Decodable, Sendable {
        var day: String
        var panel_ship: Int
        var community_ship: Int
        var votes: Int
    }

    /// The tool's last `limit` days with a change, oldest first.
    static func days(tool: UUID, limit: Int = 366, on db: any Database) async throws -> [ScoreDay] {
        let rows = try await db.sql().select().columns("day", "panel_ship", "community_ship", "votes").from(schema)
            .where("tool_id", .equal, SQLBind(tool)).orderBy("day", .descending).limit(limit).all(decoding: Row.self)
        return rows.reversed().map { r in
            ScoreDay(
                day: r.day, panel: r.panel_ship < 0 ? nil : r.panel_ship, community: r.community_ship < 0 ? nil : r.community_ship,
                votes: r.votes)
        }
    }
}
