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
        var settings = Settings(database: db.choice, secret: TestApp.secret, seedDemo: seedDemo)
        settings.limits = limits
        // Dozens of tests run at once, each with its own pool: keep each pool small.
        settings.postgresPoolPerEventLoop = 1
        // A CI machine running the whole suite at once can be slow to hand out a connection;
        // the tests are about correctness, not about that wait.
        settings.databasePoolWaitSeconds = 120
        try await configure(app, settings: settings)
        app.dependencies.clock = TestApp.clock
        app.dependencies.random = .seeded(11)
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

    var choice: Settings.DatabaseChoice {
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
    /// Imports YAML text as `verdict import` would, but queues no panel jobs (tests queue their
    /// own); throws the import failure on bad input.
    func importYAML(_ yaml: String, name: String = "test.yaml") async throws -> ImportSummary {
        var pipeline = importPipeline
        pipeline.panelBackend = nil
        return try await pipeline.run(.text(Data(yaml.utf8), source: name, origin: .cli)).summary!
    }
}

/// What every test app shares: a signing secret as long as production requires, and a clock
/// stopped in November 2026, so the rubric's month is "2026-11" and rate limits do not refill
/// however slowly a loaded machine runs the test. A test that needs time to pass sets its own.
enum TestApp {
    static let secret = "test-secret-test-secret-test-secret-0123"
    static let pinned = Date(timeIntervalSince1970: 1_794_744_000)  // 2026-11-15 12:00 UTC
    static let clock = AppClock.fixed(pinned)
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
