import FluentPostgresDriver
import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Application {
    /// Runs `body` (migrations) while no other server or command migrates the same database, so
    /// two servers started at once on a fresh database both come up: the second waits, then
    /// finds every migration applied. Migrations are not one transaction on either database,
    /// so the lock is taken outside the connection pool: an advisory lock on a connection of its
    /// own on PostgreSQL, an exclusive `flock` on a file beside the database on SQLite.
    func withMigrationLock<T>(_ body: () async throws -> T) async throws -> T {
        switch verdict.settings.database {
        case .sqlite(let path):
            // A `file:` URI carries options after the path; the file beside it is enough.
            let file = path.hasPrefix("file:") ? (URL(string: path)?.path ?? path) : path
            return try await MigrationFileLock.holding(file + ".migrate-lock", body)
        case .postgres(let url, let searchPath):
            return try await withPostgresAdvisoryLock(url: url, key: "verdict.migrate:\(searchPath ?? "public")", body)
        }
    }

    private func withPostgresAdvisoryLock<T>(url: String, key: String, _ body: () async throws -> T) async throws -> T {
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let connection = try await PostgresConnection.connect(
            on: eventLoopGroup.any(), configuration: configuration, id: 0, logger: logger)
        do {
            // Waits for the server holding it; released by unlock or when this connection closes.
            try await connection.query("SELECT pg_advisory_lock(hashtext(\(key)))", logger: logger)
            let result = try await body()
            try await connection.query("SELECT pg_advisory_unlock(hashtext(\(key)))", logger: logger)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// An exclusive advisory lock on a file, held while `body` runs: `flock` locks belong to the
/// open file, so they exclude other processes and other applications in this one alike, and the
/// kernel drops them if the process dies.
enum MigrationFileLock {
    static func holding<T>(_ path: String, waitSeconds: Int = 120, _ body: () async throws -> T) async throws -> T {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ConfigError("Cannot open \(path) (errno \(errno)): the directory of the SQLite database must be writable")
        }
        defer { close(fd) }
        var waited = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, waited < waitSeconds * 20 else {
                throw ConfigError(
                    "Another server or command has been migrating the database for \(waitSeconds) s (it holds \(path)); stop it or wait, then start again"
                )
            }
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        return try await body()
    }
}
