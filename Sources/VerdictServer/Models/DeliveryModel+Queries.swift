import Fluent
import FluentSQL
import Foundation

extension DeliveryModel {
    static let pending = "pending"

    /// One pending delivery per subscriber in `subscribers`; ones that exist are left alone.
    static func enqueue(issue: UUID, subscribers: [UUID], now: Date, on db: any Database) async throws {
        guard !subscribers.isEmpty else { return }
        let rows: [[any SQLExpression]] = subscribers.map {
            [SQLBind(UUID()), SQLBind(issue), SQLBind($0), SQLBind(pending), SQLBind(0), SQLBind(now)]
        }
        try await db.sql().insert(into: schema)
            .columns("id", "issue_id", "subscriber_id", "state", "attempts", "updated_at")
            .rows(rows).ignoringConflicts(with: ["issue_id", "subscriber_id"]).run()
    }

    /// How many deliveries the issue has.
    static func count(issue: UUID, on db: any Database) async throws -> Int {
        try await DeliveryModel.query(on: db).filter(\.$issue.$id == issue).count()
    }

    /// How many of the issue's deliveries are still pending.
    static func pendingCount(issue: UUID, on db: any Database) async throws -> Int {
        try await DeliveryModel.query(on: db).filter(\.$issue.$id == issue).filter(\.$state == pending).count()
    }

    /// The next `limit` pending deliveries of the issue in id order, subscribers loaded,
    /// leaving out `excluding` (ones this run has given up on).
    static func pendingBatch(issue: UUID, excluding: [UUID], limit: Int, on db: any Database) async throws -> [DeliveryModel] {
        var query = DeliveryModel.query(on: db).with(\.$subscriber)
            .filter(\.$issue.$id == issue).filter(\.$state == pending)
        if !excluding.isEmpty { query = query.filter(\.$id !~ excluding) }
        return try await query.sort(\.$id).limit(limit).all()
    }

    /// Records the mail server's answer (or a skip) for one delivery.
    static func mark(_ row: DeliveryModel, state: String, error: String?, on db: any Database) async throws {
        row.state = state
        row.lastError = error
        try await row.save(on: db)
    }

    /// How many deliveries of each issue are in each state, in one grouped count (the
    /// deliveries_pending index covers it).
    static func tallies(issues: [UUID], on db: any Database) async throws -> [UUID: [String: Int]] {
        guard !issues.isEmpty else { return [:] }
        struct Tally: Decodable {
            var issueId: UUID
            var state: String
            var n: Int
        }
        let rows = try await db.sql().select().column("issue_id").column("state").column(
            SQLFunction("COUNT", args: SQLLiteral.all), as: "n"
        )
        .from(schema).where("issue_id", .in, issues).groupBy("issue_id").groupBy("state")
        .all(decoding: Tally.self, keyDecodingStrategy: .convertFromSnakeCase)
        var counts: [UUID: [String: Int]] = [:]
        for row in rows { counts[row.issueId, default: [:]][row.state] = row.n }
        return counts
    }
}
