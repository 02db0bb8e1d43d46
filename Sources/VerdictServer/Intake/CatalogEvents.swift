import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// What changed in the catalog, by day: tools added, prices and statuses changed, verdicts
/// changed. Written in the transaction of the change itself; read by `/new`, the home page's
/// "today" and the weekly digest.
enum CatalogEvents {
    static let schema = "catalog_events"

    enum Kind: String, Codable, Sendable, CaseIterable {
        case added, price, status, verdict

        /// The heading of the kind on `/new`.
        var title: String {
            switch self {
            case .added: "Tools added"
            case .price: "Prices changed"
            case .status: "Status changed"
            case .verdict: "Verdicts changed"
            }
        }
    }

    struct Event: Sendable {
        var kind: Kind
        var tool: UUID?
        var categorySlug: String
        var text: String
    }

    static func insert(_ events: [Event], at now: Date, on db: any Database) async throws {
        let day = UTCDate.day(now)
        for chunk in events.chunked(SourceRecords.batch) {
            var insert = db.sql().insert(into: schema).columns("id", "at", "day", "kind", "tool_id", "category_slug", "text")
            for event in chunk {
                insert = insert.values(
                    SQLBind(UUID()), SQLBind(now), SQLBind(day), SQLBind(event.kind.rawValue), SQLBind(event.tool),
                    SQLBind(event.categorySlug), SQLBind(event.text))
            }
            try await insert.run()
        }
    }

    /// One listed change, with its tool's slug and name.
    struct Row: Decodable, Sendable {
        var id: UUID
        var at: Date
        var day: String
        var kind: String
        var text: String
        var category_slug: String
        var slug: String?
        var name: String?
        var listing: String?
    }

    /// The latest changes, newest first, optionally of one category, one day, or before a time
    /// (the next page starts where the last ended), at most `limit`. Events of retired tools are
    /// left out (a held tool is retired until it is published).
    static func latest(
        category: String?, day: String? = nil, since: Date? = nil, before: Date? = nil, kinds: [Kind]? = nil, limit: Int,
        on db: any Database
    ) async throws -> [Row] {
        var query = db.sql().select()
            .column(SQLColumn("id", table: schema)).column(SQLColumn("at", table: schema)).column(SQLColumn("day", table: schema)).column(
                SQLColumn("kind", table: schema)
            )
            .column(SQLColumn("text", table: schema)).column(SQLColumn("category_slug", table: schema))
            .column(SQLColumn("slug", table: ToolModel.schema)).column(SQLColumn("name", table: ToolModel.schema))
            .column(SQLColumn("listing", table: ToolModel.schema))
            .from(schema)
            .join(
                SQLIdentifier(ToolModel.schema), method: SQLJoinMethod.left, on: SQLColumn("tool_id", table: schema), .equal,
                SQLColumn("id", table: ToolModel.schema)
            )
            .where(SQLColumn("retired_at", table: ToolModel.schema), .is, SQLLiteral.null)
        if let category { query = query.where(SQLColumn("category_slug", table: schema), .equal, SQLBind(category)) }
        if let day { query = query.where(SQLColumn("day", table: schema), .equal, SQLBind(day)) }
        if let since { query = query.where(SQLColumn("at", table: schema), .greaterThanOrEqual, SQLBind(since)) }
        if let before { query = query.where(SQLColumn("at", table: schema), .lessThan, SQLBind(before)) }
        if let kinds { query = query.where(SQLColumn("kind", table: schema), .in, SQLGroupExpression(kinds.map { SQLBind($0.rawValue) })) }
        return try await query.orderBy(SQLColumn("at", table: schema), SQLDirection.descending).limit(limit).all(decoding: Row.self)
    }

    struct ToolEvent: Decodable, Sendable {
        var at: Date
        var kind: String
        var text: String
    }

    /// One tool's changes (prices, statuses, verdicts with their causes), newest first: one
    /// range of the (tool_id, at) index.
    static func forTool(_ tool: UUID, limit: Int, on db: any Database) async throws -> [ToolEvent] {
        try await db.sql().select().columns("at", "kind", "text").from(schema).where("tool_id", .equal, SQLBind(tool))
            .orderBy("at", .descending).limit(limit).all(decoding: ToolEvent.self)
    }

    /// The events of the latest day with any, newest first, at most `limit`.
    static func latestDay(limit: Int, on db: any Database) async throws -> [Row] {
        guard let newest = try await latest(category: nil, limit: 1, on: db).first else { return [] }
        return try await latest(category: nil, day: newest.day, limit: limit, on: db)
    }
}

extension CatalogEvents {
    /// How many events of each kind each of `days` has (optionally in one category): the
    /// headings of `/new`, which lists only a page of them.
    static func counts(days: [String], category: String?, on db: any Database) async throws -> [String: [String: Int]] {
        guard !days.isEmpty else { return [:] }
        var query = db.sql().select().column("day").column("kind").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(schema).where("day", .in, days)
        if let category { query = query.where("category_slug", .equal, SQLBind(category)) }
        var counts: [String: [String: Int]] = [:]
        for row in try await query.groupBy("day").groupBy("kind").all() {
            counts[try row.decode(column: "day", as: String.self), default: [:]][try row.decode(column: "kind", as: String.self)] =
                try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
