import Fluent
import FluentSQL

extension Database {
    /// Writes a consistent copy of this SQLite database to a new file at `path` while the site
    /// keeps serving: `VACUUM INTO` reads one snapshot (readers and the writer go on) and
    /// refuses a file that already exists and is not empty.
    func backUpSQLite(to path: String) async throws {
        try await sql().raw("VACUUM INTO \(bind: path)").run()
    }
}
