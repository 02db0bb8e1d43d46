import ConsoleKit
import Foundation
import Testing
import Vapor

@testable import VerdictServer

/// Issue #14, operators' papercuts: plain words on the command line, and a check that writes nothing.
@Suite("The command line")
struct CLITests {
    @Test("Only `serve` (or no command) runs Swift concurrency on NIO's event loops")
    func executorTakeover() {
        #expect(Entrypoint.servesRequests(["verdict"]))
        #expect(Entrypoint.servesRequests(["verdict", "serve", "--port", "8091"]))
        for command in ["import", "mcp", "backup", "newsletter", "panel", "worker", "--help"] {
            #expect(!Entrypoint.servesRequests(["verdict", command]), "\(command)")
        }
    }

    @Test("Command-line mistakes are said in plain words, naming the command and where its help is")
    func plainWords() {
        let unknown = CommandErrors.sentence(
            CommandError.unknownCommand("frobnicate", available: ["serve", "import"]), arguments: ["verdict", "frobnicate"])
        #expect(unknown == "there is no command 'frobnicate'. Commands: import, serve. `verdict --help` explains each.")
        let missing = CommandErrors.sentence(CommandError.missingRequiredArgument("file"), arguments: ["verdict", "import"])
        #expect(missing == "`verdict import` needs its <file> argument; `verdict import --help` shows an example.")
        let extra = CommandErrors.sentence(CommandError.unknownInput("--bogus"), arguments: ["verdict", "export", "x", "--bogus"])
        #expect(extra?.contains("`verdict export` does not take '--bogus'") == true)
        #expect(CommandErrors.sentence(CommandFailed(), arguments: ["verdict", "import"]) == nil, "already explained by the command")
        for sentence in [unknown, missing, extra].compactMap({ $0 }) {
            #expect(!sentence.contains("CommandError") && !sentence.contains("available:"), "no Swift value in \(sentence)")
        }
    }

    @Test("`import --check` against a database that does not exist validates the file and creates no database")
    func checkCreatesNothing() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-none-\(UUID().uuidString).sqlite").path
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: Settings(database: .sqlite(path: path), secret: TestApp.secret, seedDemo: false))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-check-\(UUID().uuidString).yaml")
            try Data(Catalogs.two.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            try await app.runCommand(["import", "--check", file.path])
            #expect(!FileManager.default.fileExists(atPath: path))
            try Data("tools:\n  - slug: Bad Slug\n".utf8).write(to: file)
            await #expect(throws: CommandFailed.self) { try await app.runCommand(["import", "--check", file.path]) }
            #expect(!FileManager.default.fileExists(atPath: path))
        } catch {
            Issue.record(error)
        }
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: path)
    }
}

@Suite("Links without VERDICT_PUBLIC_URL")
struct ListeningOriginTests {
    @Test(
        "Mail and feed links use the address serve listens on",
        arguments: [
            (["serve"], "http://127.0.0.1:8080"), (["serve", "--port", "9000"], "http://127.0.0.1:9000"),
            (["serve", "-H", "verdict.lan", "-p", "8081"], "http://verdict.lan:8081"),
            (["serve", "--bind", "0.0.0.0:7000"], "http://127.0.0.1:7000"),
            (["serve", "--hostname", "::1"], "http://[::1]:8080"),
            (["serve", "--bind", "verdict.lan"], "http://verdict.lan:8080"),
            (["serve", "--unix-socket", "/run/verdict.sock"], nil),
        ])
    func origin(_ arguments: [String], _ expected: String?) {
        #expect(PreparingServe.listeningOrigin(arguments: arguments, host: "127.0.0.1", port: 8080) == expected)
    }
}
