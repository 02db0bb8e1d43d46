import Fluent
import FluentPostgresDriver
import FluentSQL
import FluentSQLiteDriver
import Foundation

extension Database {
    /// Runs `body` as one write transaction that several requests (or servers) can run at once
    /// without a 500: on SQLite it takes the write lock before its first read, and a transaction
    /// refused for contention (SQLite busy, PostgreSQL serialization failure or deadlock) is rolled
    /// back and run again, up to `attempts` times with a growing pause. `body` must only touch the
    /// database: it may run more than once.
    func writeTransaction<T: Sendable>(
        attempts: Int = 5, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await transaction { tx in
                    try await tx.lockForWriting()
                    return try await body(tx)
                }
            } catch  where attempt < attempts && DatabaseErrors.isContention(error) {
                // 20, 40, 80, 160 ms: long enough for the holder of the lock to commit.
                try await Task.sleep(for: .milliseconds(20 << (attempt - 1)))
                attempt += 1
            }
        }
    }

    /// SQLite starts a transaction without locks and upgrades at its first write; if another
    /// connection committed in between, the upgrade fails at once with "database is locked",
    /// whatever the busy timeout. A write that changes nothing, as the first statement, takes
    /// the write lock up front (as `BEGIN IMMEDIATE` would), waiting under the busy timeout.
    private func lockForWriting() async throws {
        guard isSQLite else { return }
        try await sql().raw("PRAGMA busy_timeout = \(unsafeRaw: String(Self.sqliteBusyTimeoutMilliseconds))").run()
        try await sql().raw("UPDATE \(ident: SettingModel.schema) SET value = value WHERE 0 = 1").run()
    }

    /// How long a SQLite connection sleeps-and-retries for a lock before it reports busy.
    static var sqliteBusyTimeoutMilliseconds: Int { 5_000 }
}

/// What a database error means for the caller, alike on SQLite and PostgreSQL.
enum DatabaseErrors {
    /// Whether `error` says the database's storage is damaged (a corrupt SQLite file, a
    /// PostgreSQL data or index corruption): no retry helps, and `/healthz` says so from then on.
    static func isCorruption(_ error: any Error) -> Bool {
        matches(
            error, sqlite: [.corrupt, .notADatabase, .corruptIndex, .corruptSequenceSchema, .corruptVirtualTable],
            postgres: [.dataCorrupted, .indexCorrupted])
    }

    /// Whether `error` means "another transaction got there first; try again".
    static func isContention(_ error: any Error) -> Bool {
        matches(
            error, sqlite: [.busy, .locked, .busyInRecovery, .busyInSnapshot, .busyTimeout],
            postgres: [.serializationFailure, .deadlockDetected])
    }

    private static func matches(_ error: any Error, sqlite: [SQLiteError.Reason], postgres: [PostgresError.Code]) -> Bool {
        if let failure = error as? SQLiteError { return sqlite.contains { $0 == failure.reason } }
        if let failure = error as? PSQLError, let state = failure.serverInfo?[.sqlState] { return postgres.contains { $0.raw == state } }
        return false
    }
}
