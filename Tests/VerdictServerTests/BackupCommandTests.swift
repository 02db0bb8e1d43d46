import Fluent
import Foundation
import Testing
import Vapor

@testable import VerdictServer

@Suite("verdict backup: an online copy of the SQLite database")
struct BackupCommandTests {
    @Test("The copy opens on its own and holds the tools; an existing file is never overwritten; PostgreSQL is pointed at pg_dump")
    func backup() async throws {
        try await withTestApp { app in
            // setup
            _ = try await app.importYAML(Catalogs.two)
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-backup-\(UUID().uuidString).sqlite").path
            defer { try? FileManager.default.removeItem(atPath: copy) }
            guard TestDatabase.postgresURL == nil else {
                await #expect(throws: CommandFailed.self) { try await app.runCommand(["backup", copy]) }
                #expect(!FileManager.default.fileExists(atPath: copy))
                return
            }
            // MUT
            try await app.runCommand(["backup", copy])
            // validate: a second application on the copy finds the tool and every migration.
            let reader = try await Application.make(.testing)
            do {
                try await configure(reader, settings: Settings(database: .sqlite(path: copy), secret: TestApp.secret, seedDemo: false))
                #expect(try await ToolModel.find(slug: "alpha", on: reader.db)?.name == "Alpha")
                #expect(try await reader.db.appliedMigrationCount() == Migrations.all.count)
            } catch {
                Issue.record(error)
            }
            try await reader.asyncShutdown()
            let taken = copy + ".taken"
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: taken))
            defer { try? FileManager.default.removeItem(atPath: taken) }
            await #expect(throws: CommandFailed.self) { try await app.runCommand(["backup", taken]) }
            #expect(try String(contentsOfFile: taken, encoding: .utf8) == "keep me")
        }
    }
}
