import Fluent
import FluentSQL
import Vapor
import VerdictCore

extension Application {
    /// Makes the database ready: SQLite pragmas, migrations, and the shared signing key.
    /// Idempotent; every command that touches the database calls it first.
    func prepareDatabase() async throws {
        let db = self.db
        // Two servers started at once on a fresh database would both create the same tables.
        try await withMigrationLock {
            if db.isSQLite {
                // WAL lets readers run beside the writer, and the mode is stored in the file, so it
                // holds for every pooled connection. `synchronous` stays at SQLite's default (FULL):
                // a commit is on disk before it is acknowledged. Foreign keys are switched on per
                // connection by SQLiteKit.
                try await db.sql().raw("PRAGMA journal_mode=WAL").run()
            }
            try await autoMigrate()
        }
        if verdict.signingKey == nil {
            verdict.signingKey = try await loadSigningKey()
        }
    }

    private func loadSigningKey() async throws -> SymmetricKey {
        if let secret = verdict.settings.secret {
            return SymmetricKey(data: SHA256.hash(data: Data(secret.utf8)))
        }
        // First server to start generates it; the insert is a no-op for the others.
        let fresh = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
        try await db.sql().insert(into: SettingModel.schema)
            .columns("key", "value").values(SQLBind("voter_key"), SQLBind(fresh))
            .ignoringConflicts(with: "key")
            .run()
        guard let stored = try await SettingModel.find("voter_key", on: db),
            let data = Data(base64Encoded: stored.value)
        else {
            throw ConfigError("settings.voter_key is missing or corrupt")
        }
        return SymmetricKey(data: data)
    }
}
