import Fluent
import FluentSQL

extension Database {
    /// Both drivers Verdict supports speak SQL; this is where raw SQL gets its handle.
    func sql() -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            fatalError("Verdict needs an SQL database (SQLite or PostgreSQL)")
        }
        return sql
    }

    var isSQLite: Bool { sql().dialect.name == "sqlite" }

    /// How many migrations the database has recorded in Fluent's log. A cheap read of a real
    /// table: it fails as every page would when the file is corrupt or the server is gone
    /// (`SELECT 1` would not read the file at all).
    func appliedMigrationCount() async throws -> Int {
        try await sql().select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("_fluent_migrations")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// How many rows of `table` have each value of `column`, in one grouped count (the value as text).
    func countsGrouped(by column: String, in table: String) async throws -> [String: Int] {
        let rows = try await sql().select().column(SQLColumn(column), as: "value")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(table).groupBy(column).all()
        var counts: [String: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "value", as: String.self), default: 0] += try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
