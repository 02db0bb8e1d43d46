import Fluent
import FluentSQL
import Foundation

extension LimitCounter {
    /// Counts one hit on `key` in `window` and returns the window's count, this hit included.
    /// One statement (an insert that on conflict adds one, returning the result), so hits from
    /// several servers at once each get a distinct count: PostgreSQL updates the row under its
    /// lock, SQLite runs one writer at a time.
    static func increment(_ key: String, in window: Window, on db: any Database) async throws -> Int {
        guard let count = try await increment([(key, window)], on: db)[key] else { throw FluentError.noResults }
        return count
    }

    /// Counts one hit on each key in its own window with one statement (a new reader's first vote
    /// counts against the vote and the new-voter allowances at once) and returns each key's count.
    static func increment(_ hits: [(key: String, window: Window)], on db: any Database) async throws -> [String: Int] {
        let rows = hits.map { SQLGroupExpression([SQLBind($0.key), SQLBind($0.window.start), SQLLiteral.numeric("1")]) }
        let returned = try await db.sql().raw(
            """
            INSERT INTO \(ident: schema) (\(ident: "key"), \(ident: "window_start"), \(ident: "count"))
            VALUES \(SQLList(rows))
            ON CONFLICT (\(ident: "key"), \(ident: "window_start"))
            DO UPDATE SET \(ident: "count") = \(ident: schema).\(ident: "count") + 1
            RETURNING \(ident: "key"), \(ident: "count")
            """
        ).all()
        var counts: [String: Int] = [:]
        for row in returned {
            counts[try row.decode(column: "key", as: String.self)] = try row.decode(column: "count", as: Int.self)
        }
        guard counts.count == Set(hits.map(\.key)).count else { throw FluentError.noResults }  // an upsert returns every row
        return counts
    }

    /// Deletes the counters of windows that started before `before` (seconds since 1970).
    static func prune(before: Int, on db: any Database) async throws {
        try await db.sql().delete(from: schema).where("window_start", .lessThan, SQLBind(before)).run()
    }

    /// The count `key` reached in `window`; 0 when it had no hit.
    static func count(_ key: String, in window: Window, on db: any Database) async throws -> Int {
        let row = try await db.sql().select().column("count").from(schema)
            .where("key", .equal, SQLBind(key)).where("window_start", .equal, SQLBind(window.start))
            .first()
        return try row?.decode(column: "count", as: Int.self) ?? 0
    }
}
