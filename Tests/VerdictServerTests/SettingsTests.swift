import Foundation
import Testing

@testable import VerdictServer

/// Settings are read once, and a malformed or out-of-range value is refused with a message
/// naming the variable and never a secret.
@Suite struct SettingsTests {
    /// Values found silently accepted when the release build was probed as an attacker would.
    static let refused: [(name: String, value: String)] = [
        ("VERDICT_VOTES_PER_NETWORK_PER_MINUTE", "ten"),
        ("VERDICT_VOTES_PER_NETWORK_PER_MINUTE", "0"),
        ("VERDICT_NEW_VOTERS_PER_NETWORK_PER_HOUR", "-3"),
        ("VERDICT_LLM_CONCURRENCY", "-1"),
        ("VERDICT_LLM_TIMEOUT", "abc"),
        ("VERDICT_LLM_TIMEOUT", "1e300"),
        ("VERDICT_LLM_TIMEOUT", "nan"),
        ("VERDICT_LLM_BASE_URL", "not a url"),
        ("VERDICT_LLM_BASE_URL", "file:///etc/passwd"),
        ("VERDICT_LLM_PRICE_INPUT", "cheap"),
        ("VERDICT_LLM_PRICE_OUTPUT", "-2.5"),
        ("VERDICT_DB_POOL", "ten"),
        ("VERDICT_DB_POOL", "0"),
        ("VERDICT_PUBLIC_URL", "javascript:alert(1)"),
        ("VERDICT_PUBLIC_URL", "https://verdict.example/path?x=1"),
        ("VERDICT_DEMO", "maybe"),
        ("VERDICT_SECURE_COOKIES", "2"),
        ("VERDICT_TRUSTED_PROXIES", "10.0.0.0/8,banana"),
        ("VERDICT_MAIL_FROM", "not-an-address"),
        ("DATABASE_URL", "mysql://root@db/verdict"),
        ("DATABASE_URL", "sqlite:"),
    ]

    @Test(arguments: refused)
    func refusesMalformedValue(_ probe: (name: String, value: String)) throws {
        let error = try #require(throws: SettingsError.self) { try Settings.load(environment: [probe.name: probe.value]) }
        #expect(error.description.hasPrefix(probe.name + "="))
        #expect(error.description.contains("expected"))
        #expect(!error.description.contains("\n"))
    }

    @Test(arguments: [
        ("VERDICT_SECRET", "one-character-is-not-32", "one-character-is-not-32"),
        ("DATABASE_URL", "postgres://admin:hunter2-pw@db:notaport/verdict", "hunter2-pw"),
        ("DATABASE_URL", "postgres://admin:p@ss/w0rd@db/verdict?sslmode=bogus", "ss/w0rd"),
        ("VERDICT_SMTP_URL", "smtp://mailer:s3cret-pw@mail.example:99999", "s3cret-pw"),
    ])
    func refusalNeverShowsTheSecret(name: String, value: String, secret: String) throws {
        let error = try #require(throws: SettingsError.self) { try Settings.load(environment: [name: value]) }
        #expect(error.description.hasPrefix(name + "="))
        #expect(!error.description.contains(secret))
    }

    @Test func booleansTakeTheUsualSpellings() throws {
        for (raw, expected) in [
            ("false", false), ("OFF", false), ("no", false), ("0", false), ("True", true), ("yes", true), ("on", true), ("1", true),
        ] {
            #expect(try Settings.load(environment: ["VERDICT_DEMO": raw]).seedDemo == expected, "VERDICT_DEMO=\(raw)")
        }
    }

    @Test func defaultsNeedNoEnvironment() throws {
        let settings = try Settings.load(environment: [:])
        #expect(settings.database == .sqlite(path: "verdict.sqlite"))
        #expect(settings.seedDemo)
        #expect(settings.secret == nil)
        #expect(settings.llm.isEmpty)
        #expect(settings.report.allSatisfy { $0.source == .defaultValue })
    }

    @Test func reportMasksSecretsAndNamesSources() throws {
        let secret = String(repeating: "k", count: 40)
        let settings = try Settings.load(
            environment: [
                "VERDICT_SECRET": secret, "DATABASE_URL": "postgres://u:pw-in-url@127.0.0.1:5432/verdict",
                "VERDICT_LLM_BASE_URL": "http://127.0.0.1:11434/v1", "VERDICT_LLM_MODEL": "m", "VERDICT_LLM_API_KEY": "sk-live-key",
            ],
            envFiles: [(path: ".env", values: ["VERDICT_DB_POOL": "7", "VERDICT_SECRET": "ignored: environment wins"])])
        let lines = settings.report.map { "\($0.name)=\($0.value) (\($0.source))" }.joined(separator: "\n")
        #expect(!lines.contains(secret) && !lines.contains("pw-in-url") && !lines.contains("sk-live-key"))
        #expect(settings.report.first { $0.name == "VERDICT_DB_POOL" }?.source == .file(".env"))
        #expect(settings.report.first { $0.name == "VERDICT_SECRET" }?.source == .environment)
        #expect(settings.postgresPoolPerEventLoop == 7)
        #expect(settings.llm.defaultBackend?.apiKey == "sk-live-key")
    }

    @Test func priceNeedsBothHalves() throws {
        let error = try #require(throws: SettingsError.self) { try Settings.load(environment: ["VERDICT_LLM_PRICE_INPUT": "0.3"]) }
        #expect(error.description.contains("VERDICT_LLM_PRICE_OUTPUT"))
    }

    @Test func llmConfigFileBoundsItsNumbers() throws {
        let yaml = "backends:\n  - name: b\n    base_url: http://127.0.0.1:9/v1\n    model: m\n    timeout_seconds: 1e300\n"
        let error = try #require(throws: SettingsError.self) { try LLMConfigFile.parse(yaml, source: "llm.yaml") }
        #expect(error.description.contains("timeout_seconds"))
    }

    /// The built `verdict` executable stops before Vapor starts: status ≠ 0, one line on stderr.
    @Test func executableRefusesABadSettingWithOneLine() throws {
        let binary = try #require(Self.verdictExecutable(), "build the verdict executable first (swift build)")
        let secret = "short-secret"
        for (name, value) in [("VERDICT_DB_POOL", "ten"), ("VERDICT_SECRET", secret)] {
            let (status, stderr) = try Self.run(binary, ["serve"], environment: [name: value])
            #expect(status != 0, "\(name)=\(value)")
            let lines = stderr.split(separator: "\n")
            #expect(lines.count == 1, "stderr: \(stderr)")
            #expect(lines.first?.contains(name) == true)
            #expect(!stderr.contains(secret))
        }
    }

    /// `.build/<config>/verdict` beside the test bundle, or under the package root.
    static func verdictExecutable() -> URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("verdict"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("verdict"),
            root.appendingPathComponent(".build/debug/verdict"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `binary` in an empty folder with only PATH and `environment`; kills it after 60 s
    /// (a binary that started serving has not refused the setting).
    static func run(_ binary: URL, _ arguments: [String], environment: [String: String]) throws -> (Int32, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
