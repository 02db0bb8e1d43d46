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

    /// One hit on the counter `key` in `window`.
    struct Hit: Sendable {
        var key: String
        var window: Window
    }

    /// Counts one hit on each key in its own window with one statement (a new reader's first vote
    /// counts against the vote and the new-voter allowances at once) and returns each key's count.
    static func increment(_ hits: [(key: String, window: Window)], on db: any Database) async throws -> [String: Int] {
        try await increment(batches: [hits.map { Hit(key: $0.key, window: $0.window) }], on: db)[0]
    }

    /// Counts the hits of several callers with one statement, as if each caller's hits had been
    /// counted one caller after another in the order given, and returns each caller's counts.
    /// Hits on one counter are added up into one row of the upsert (a statement may touch a row
    /// once), and the counts it returns are handed out in order.
    static func increment(batches: [[Hit]], on db: any Database) async throws -> [[String: Int]] {
        func id(_ key: String, _ start: Int) -> String { "\(start) \(key)" }
        func id(_ hit: Hit) -> String { id(hit.key, hit.window.start) }
        var order: [Hit] = []
        var added: [String: Int] = [:]
        for hit in batches.joined() {
            if added[id(hit)] == nil { order.append(hit) }
            added[id(hit), default: 0] += 1
        }
        guard !order.isEmpty else { return batches.map { _ in [:] } }
        let rows = order.map { SQLGroupExpression([SQLBind($0.key), SQLBind($0.window.start), SQLBind(added[id($0)] ?? 1)]) }
        let returned = try await db.sql().raw(
            """
            INSERT INTO \(ident: schema) (\(ident: "key"), \(ident: "window_start"), \(ident: "count"))
            VALUES \(SQLList(rows))
            ON CONFLICT (\(ident: "key"), \(ident: "window_start"))
            DO UPDATE SET \(ident: "count") = \(ident: schema).\(ident: "count") + \(ident: "excluded").\(ident: "count")
            RETURNING \(ident: "key"), \(ident: "window_start"), \(ident: "count")
            """
        ).all()
        // The first of a counter's hits in this statement gets the count before it plus one.
        var next: [String: Int] = [:]
        for row in returned {
            let counter = id(try row.decode(column: "key", as: String.self), try row.decode(column: "window_start", as: Int.self))
            next[counter] = try row.decode(column: "count", as: Int.self) - (added[counter] ?? 0) + 1
        }
        guard next.count == order.count else { throw FluentError.noResults }  // an upsert returns every row
        return batches.map { hits in
            var counts: [String: Int] = [:]
            for hit in hits {
                counts[hit.key] = next[id(hit)]
                next[id(hit), default: 0] += 1
            }
            return counts
        }
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
