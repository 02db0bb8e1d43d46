import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import VerdictCore

@testable import VerdictServer

@Suite("Smaller hardening: caching of private answers, Origin, body limits, health")
struct EdgeHardeningTests {
    @Test("Admin answers are never cached, however the path is spelt")
    func noStoreOnEveryPrivateRoute() async throws {
        try await withTestApp { app in
            try await app.makeUser("boss@example.com", role: .admin)
            let token = try await app.makeToken("boss", owner: "boss@example.com", scope: .read)
            for path in ["/api/v1/admin/subscribers", "/api/v1//admin/subscribers", "//api/v1/admin//subscribers"] {
                let res = try await app.api(.GET, path, token: token)
                #expect(res.headers.first(name: .cacheControl) == "no-store", "\(path): \(res.status)")
            }
            #expect(try await app.send(.GET, "/api/v1/tools").headers.first(name: .cacheControl) != "no-store")
        }
    }

    @Test(
        "The Origin must match this site in scheme, host and port",
        arguments: [
            ("http://example.com", "example.com", HTTPStatus.seeOther),
            ("http://example.com:80", "example.com", .seeOther),
            ("http://example.com:8081", "example.com", .forbidden),
            ("https://example.com", "example.com", .forbidden),
            ("http://example.com", "example.com:8080", .forbidden),
            ("http://example.com:8080", "example.com:8080", .seeOther),
        ])
    func originComparesSchemeAndPort(origin: String, host: String, expected: HTTPStatus) async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let headers: HTTPHeaders = ["Origin": origin, "Host": host, "Content-Type": "application/x-www-form-urlencoded"]
            let res = try await app.sendRaw(.POST, "/tools/alpha/vote", headers: headers, body: "vote=ship")
            #expect(res.status == expected)
        }
    }

    @Test("An https public URL is this site's origin; its http twin is not")
    func publicOrigin() {
        let site = WebOrigin("https://verdict.example/")
        #expect(site == WebOrigin("https://verdict.example:443"))
        #expect(site != WebOrigin("http://verdict.example"))
        #expect(WebOrigin("https://verdict.example/path") == nil)
    }

    @Test("A body over an import's limit names that route's limit, not the 64 KB default")
    func importLimitNamed() async throws {
        try await withTestApp { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let token = try await app.makeToken("ed", owner: "ed@example.com", scope: .write)
            let big = String(repeating: "x", count: ImportFile.maxBytes + 1)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = .json
            // Body limits apply to streamed bodies, so this goes over a real socket, on a port the
            // kernel picks (a random one could be a port the suite's own connections use). Sending
            // 8 MB has a 30 s deadline in VaporTesting; a machine saturated by a parallel suite
            // once missed it, so a missed deadline is tried once more before it counts.
            func send() async throws -> TestingHTTPResponse {
                try await app.testing(method: .running(port: 0))
                    .sendRequest(.POST, "/api/v1/admin/import", headers: headers, body: ByteBuffer(string: big))
            }
            let res: TestingHTTPResponse
            do {
                res = try await send()
            } catch let error as HTTPClientError where error == .deadlineExceeded {
                res = try await send()
            }
            #expect(res.status == .payloadTooLarge)
            #expect(res.json["error"] as? String == "The request body is too large; the limit is 8 MB.")
        }
    }

    @Test("A suggestion over 16 KB is refused with 413 before it is read")
    func suggestionLimit() async throws {
        try await withTestApp { app in
            let body = "name=" + String(repeating: "a", count: 20_000)
            let res = try await app.testing(method: .running(port: 0))
                .sendRequest(
                    .POST, "/suggest", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
            #expect(res.status == .payloadTooLarge)
            #expect(try await IntakeQueue.pendingCount(on: app.db) == 0)
        }
    }

    @Test("/healthz and /readyz answer 503 when the database does not answer")
    func healthChecksTheDatabase() async throws {
        try await withTestApp { app in
            app.databaseHealth = DatabaseHealth(probeInterval: .zero)  // every check reads the database
            #expect(try await app.send(.GET, "/healthz").status == .ok)
            #expect(try await app.send(.GET, "/readyz").status == .ok)
            // A database that fails reads, as a corrupt file does: the table health reads is gone.
            try await app.db.sql().raw("DROP TABLE _fluent_migrations").run()
            #expect(try await app.send(.GET, "/healthz").status == .serviceUnavailable)
            #expect(try await app.send(.GET, "/readyz").status == .serviceUnavailable)
        }
    }
    @Test("A corrupt SQLite file: once a page fails on it, /healthz answers 503 and keeps saying so")
    func healthOnCorruptFile() async throws {
        guard TestDatabase.postgresURL == nil else { return }  // a file-level fault; PostgreSQL runs the test above
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-tests", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("corrupt-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let settings = Settings(database: .sqlite(path: path), secret: TestApp.secret, seedDemo: true)
        let healthy = try await Application.make(.testing)
        try await configure(healthy, settings: settings)
        try await healthy.prepareDatabase()
        _ = try await DemoCatalog.seedIfEmpty(healthy)
        try await healthy.db.sql().raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        try await healthy.asyncShutdown()
        // Every page after the first two (the header and the schema) overwritten, as a failing disk would.
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try file.seekToEnd()
        try file.seek(toOffset: 8192)
        try file.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 8192))
        try file.close()

        let damaged = try await Application.make(.testing)
        try await configure(damaged, settings: settings)
        let pages = [
            try await damaged.send(.GET, "/").status, try await damaged.send(.GET, "/tools/gemini-2-5-flash").status,
            try await damaged.send(.GET, "/leaderboard").status,
        ]
        #expect(pages.contains(.internalServerError))
        #expect(try await damaged.send(.GET, "/healthz").status == .serviceUnavailable)
        #expect(try await damaged.send(.GET, "/healthz").body.string.hasPrefix("database"))
        try await damaged.asyncShutdown()
    }
}
