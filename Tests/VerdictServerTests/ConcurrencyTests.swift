import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import VerdictCore

@testable import VerdictServer

@Suite("Concurrent writers and starting servers: no 500s")
struct ConcurrencyTests {
    @Test("40 parallel retire/restore calls all succeed and leave the tool and its audit trail agreeing")
    func parallelRetireRestore() async throws {
        try await withTestApp(seedDemo: true) { app in
            // setup
            try await app.makeUser("ed@example.com", role: .editor)
            let token = try await app.makeToken("ed", owner: "ed@example.com", scope: .write)
            // MUT
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        let action = i.isMultiple(of: 2) ? "retire" : "restore"
                        return try await app.api(.POST, "/api/v1/admin/tools/smollm3/\(action)", token: token).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // validate
            #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses.filter { $0 != .ok })")
            let entries = try await AuditEntryModel.newest(
                actor: nil, actionPrefix: "tool.re", subjectPrefix: nil, before: nil, limit: 100, on: app.db)
            let retired = entries.filter { $0.action == "tool.retired" }.count
            let restored = entries.filter { $0.action == "tool.restored" }.count
            let tool = try #require(try await ToolModel.find(slug: "smollm3", on: app.db))
            // Each recorded change flipped the state once, starting from listed.
            #expect(retired - restored == (tool.retiredAt == nil ? 0 : 1))
        }
    }

    @Test("Two servers preparing one fresh database at once both come up, and it is migrated once")
    func simultaneousMigrations() async throws {
        _ = TestLogging.bootstrapped
        let db = TestDatabase()
        let first = try await Application.make(.testing)
        let second = try await Application.make(.testing)
        var failure: (any Error)?
        do {
            // setup
            for app in [first, second] {
                var settings = Settings(database: db.choice, secret: TestApp.secret, seedDemo: false)
                settings.postgresPoolPerEventLoop = 1
                try await configure(app, settings: settings)
            }
            try await db.create(on: first)
            // MUT
            async let a: Void = first.prepareDatabase()
            async let b: Void = second.prepareDatabase()
            _ = try await (a, b)
            // validate
            #expect(try await first.db.appliedMigrationCount() == Migrations.all.count)
            #expect(try await second.send(.GET, "/readyz").status == .ok)
        } catch {
            failure = error
        }
        try? await db.drop(on: first)
        try await first.asyncShutdown()
        try await second.asyncShutdown()
        db.removeFiles()
        if let failure { throw failure }
    }
}
