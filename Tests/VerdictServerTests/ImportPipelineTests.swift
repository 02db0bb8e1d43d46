import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Every way tools enter the catalog.
enum ImportCaller: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case cli, deskUpload, apiUpload, demo, deskForm, apiEdit

    var testDescription: String { rawValue }

    /// The actor the audit log records for this caller's changes.
    var actor: String {
        switch self {
        case .cli: Audit.cli("import")
        case .demo: "system:demo-catalog"
        case .deskUpload, .deskForm: "user:ed@example.com"
        case .apiUpload, .apiEdit: "token:ed (user:ed@example.com)"
        }
    }

    /// Imports through this caller, as editor `ed` signed in on the desk or holding `token`;
    /// true when the caller reported success.
    func run(on app: Application, as ed: Browser, token: String) async throws -> Bool {
        switch self {
        case .cli:
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-import-\(UUID().uuidString).yaml")
            try Data(Catalogs.two.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            var context = CommandContext(console: app.console, input: CommandInput(arguments: ["verdict", "import", file.path]))
            context.application = app
            do { try await app.asyncCommands.group().run(using: &context) } catch { return false }
            return true
        case .deskUpload:
            let boundary = "----verdict-test"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(ed.csrf)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cat.yaml\"\r\n"
            body += "Content-Type: application/yaml\r\n\r\n\(Catalogs.two)\r\n--\(boundary)--\r\n"
            var headers: HTTPHeaders = ["Content-Type": "multipart/form-data; boundary=\(boundary)"]
            headers.add(name: .cookie, value: "verdict_session=\(ed.cookie)")
            return try await app.sendRaw(.POST, "/admin/import", headers: headers, body: body).status == .ok
        case .apiUpload:
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/yaml"]
            return try await app.sendRaw(.POST, "/api/v1/admin/import", headers: headers, body: Catalogs.two).status == .ok
        case .demo:
            do { return try await DemoCatalog.seedIfEmpty(app) != nil } catch { return false }
        case .deskForm:
            let form = "slug=delta&name=Delta&new_category=Search&description=Finds.&entry=free&facts=api%3A+true"
            return try await app.browse(.POST, "/admin/tools/new", as: ed, form: form).status == .seeOther
        case .apiEdit:
            return try await app.api(.POST, "/api/v1/admin/tools", token: token, json: DeskTests.newTool).status == .created
        }
    }
}

@Suite("One import pipeline: tools and their panel jobs are written in one transaction, by every caller")
struct ImportPipelineTests {
    /// A model backend the panel jobs are queued for; no worker runs, so it is never called.
    static let backend = LLMBackend(name: "fake", baseURL: "http://127.0.0.1:9/v1", model: "m")

    /// Makes every insert of a panel job fail, as a crash between the two writes would.
    static func withoutJobTable(_ app: Application, _ body: () async throws -> Void) async throws {
        try await app.db.sql().raw("ALTER TABLE panel_jobs RENAME TO panel_jobs_away").run()
        do {
            try await body()
        } catch {
            try await app.db.sql().raw("ALTER TABLE panel_jobs_away RENAME TO panel_jobs").run()
            throw error
        }
        try await app.db.sql().raw("ALTER TABLE panel_jobs_away RENAME TO panel_jobs").run()
    }

    @Test(
        "An import whose panel-job insert fails leaves neither tools, takes, audit entries nor jobs; once it can, it writes both",
        arguments: ImportCaller.allCases)
    func oneTransaction(caller: ImportCaller) async throws {
        try await withTestApp(seedDemo: false) { app in
            // setup
            app.settings.llm = LLMConfig(backends: [Self.backend])
            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            let token = try await app.makeToken("ed", owner: "ed@example.com", scope: .write)
            // MUT: the job insert fails
            try await Self.withoutJobTable(app) {
                let succeeded = try await caller.run(on: app, as: ed, token: token)
                #expect(!succeeded)
            }
            // validate: nothing of the import was kept
            #expect(try await ToolModel.count(on: app.db) == 0)
            #expect(try await TakeModel.query(on: app.db).count() == 0)
            #expect(try await PanelJobModel.query(on: app.db).count() == 0)
            #expect(try await Audit.entries(actor: caller.actor, limit: 10, on: app.db).isEmpty)
            // MUT: the same import, with the job table back
            #expect(try await caller.run(on: app, as: ed, token: token))
            // validate: tools, their rubric takes and their panel jobs, all under the caller's name
            let tools = try await ToolModel.count(on: app.db)
            #expect(tools >= 1)
            #expect(try await PanelJobModel.query(on: app.db).count() == tools * Persona.allCases.count)
            #expect(try await Audit.entries(actor: caller.actor, limit: 1000, on: app.db).count == tools)
        }
    }

    @Test("Check-only validates through the same reader and writes nothing")
    func checkOnly() async throws {
        try await withTestApp(seedDemo: false) { app in
            app.settings.llm = LLMConfig(backends: [Self.backend])
            let result = try await app.importPipeline.run(.text(Data(Catalogs.two.utf8), source: "two.yaml", origin: .cli, checkOnly: true))
            #expect(result.summary == nil && result.plan.tools.count == 2)
            #expect(result.line(source: "two.yaml") == "two.yaml: valid (2 tools, 0 takes); nothing written.")
            #expect(try await ToolModel.count(on: app.db) == 0)
            #expect(try await PanelJobModel.query(on: app.db).count() == 0)
        }
    }

    @Test("A parsed document goes through the same validation as text, every problem at once")
    func documentInput() async throws {
        try await withTestApp(seedDemo: false) { app in
            let document = JSONValue.object(["tools": .array([.object(["slug": .string("Bad Slug"), "entry": .string("pricey")])])])
            do {
                _ = try await app.importPipeline.run(.document(document, source: "sync", origin: .cli))
                Issue.record("expected a failure")
            } catch let failure as ImportFailure {
                #expect(failure.source == "sync")
                let fields = Set(failure.problems.compactMap(\.field))
                #expect(fields.isSuperset(of: ["slug", "name", "category", "description", "entry"]))
            }
            #expect(try await ToolModel.count(on: app.db) == 0)
        }
    }
}
