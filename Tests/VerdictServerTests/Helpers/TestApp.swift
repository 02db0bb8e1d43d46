import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import VerdictServer

/// Runs `body` against a fresh, migrated database.
///
/// SQLite by default (a temporary file per test). Set `VERDICT_TEST_POSTGRES_URL` to a
/// `postgres://` URL to run the same tests on PostgreSQL: each test gets its own schema.
func withTestApp(
    seedDemo: Bool = false, limits: VoteLimits = .generous, _ body: (Application) async throws -> Void
) async throws {
    _ = TestLogging.bootstrapped
    let app = try await Application.make(.testing)
    let db = TestDatabase()
    var failure: (any Error)?
    do {
        var config = AppConfig(database: db.choice, secret: "test-secret", seedDemo: seedDemo)
        config.limits = limits
        // Dozens of tests run at once, each with its own pool: keep each pool small.
        config.postgresPoolPerEventLoop = 1
        try await configure(app, config: config)
        app.verdict.clockMonth = { "2026-11" }
        try await db.create(on: app)
        try await app.prepareDatabase()
        if seedDemo { _ = try await DemoCatalog.seedIfEmpty(app) }
        try await body(app)
    } catch {
        failure = error
    }
    try? await db.drop(on: app)
    try await app.asyncShutdown()
    db.removeFiles()
    if let failure { throw failure }
}

struct TestDatabase {
    static let postgresURL = ProcessInfo.processInfo.environment["VERDICT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-tests", isDirectory: true)

    var choice: AppConfig.DatabaseChoice {
        if let url = Self.postgresURL { return .postgres(url: url, searchPath: name) }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return .sqlite(path: directory.appendingPathComponent("\(name).sqlite").path)
    }

    func create(on app: Application) async throws {
        guard Self.postgresURL != nil else { return }
        try await app.db.sql().raw("CREATE SCHEMA \(ident: name)").run()
    }

    func drop(on app: Application) async throws {
        guard Self.postgresURL != nil else { return }
        try await app.db.sql().raw("DROP SCHEMA \(ident: name) CASCADE").run()
    }

    func removeFiles() {
        guard Self.postgresURL == nil else { return }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("\(name).sqlite\(suffix)"))
        }
    }
}

extension Application {
    /// Imports YAML text as `verdict import` would; throws the import failure on bad input.
    func importYAML(_ yaml: String, name: String = "test.yaml") async throws -> ImportSummary {
        let plan = try ImportFile.load(Data(yaml.utf8), name: name, knownSlugs: try await ToolModel.allSlugs(on: db))
        return try await CatalogImporter.apply(plan, asOf: "2026-11", actor: "test", on: db)
    }
}

/// Quiet logs in tests (warnings and worse) unless `LOG_LEVEL` asks for more.
enum TestLogging {
    static let bootstrapped: Bool = {
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return true
    }()
}

extension VoteLimits {
    /// Limits no ordinary test reaches; abuse tests set their own.
    static var generous: VoteLimits {
        var limits = VoteLimits()
        limits.votesPerNetworkPerMinute = 1_000_000
        limits.newVotersPerNetworkPerHour = 1_000_000
        return limits
    }
}
