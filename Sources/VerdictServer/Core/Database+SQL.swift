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
}
