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
}
