import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Testing

@testable import VerdictServer

// Run locally: `python3 -m venv .venv && .venv/bin/pip install aiosmtpd`, then
// `swift test --filter SMTPTests`. Or point VERDICT_TEST_PYTHON at a Python with aiosmtpd.
// The sink is Fixtures/smtp_sink.py; each test starts its own on a free loopback port.

@Suite(
    "SMTP delivery against a real server on loopback",
    .enabled(if: SMTPSink.python != nil, SMTPSink.skipReason))
struct SMTPTests {
    @Test("Three messages over one session arrive intact, dot-stuffed lines included")
    func threeMessagesOneSession() async throws {
        // setup
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let envelopes = (1...3).map { Mail.envelope(to: "reader\($0)@example.org", n: $0) }
        // MUT
        let results = try await NIOSMTPTransport(config: sink.config()).send(envelopes)
        // validate
        #expect(results == [.delivered, .delivered, .delivered])
        let received = try sink.received()
        #expect(
            received.map(\.to) == [
                ["reader1@example.org"], ["reader2@example.org"], ["reader3@example.org"],
            ])
        #expect(Set(received.map(\.peer)).count == 1, "all three over one connection")
        let parsed = try sink.parse(received[1].eml)
        #expect(parsed.headers["Subject"] == "Digest 2")
        #expect(parsed.headers["Message-ID"] == "<2@verdict.test>")
        #expect(parsed.body == ".leading dot\n..two dots\nplain line\n.\nend\n")
    }

    @Test("AUTH PLAIN with percent-encoded credentials")
    func authPlain() async throws {
        let sink = try await SMTPSink.start(["--auth", "mail@user:p@ss w:rd"])
        defer { sink.stop() }
        let url = "smtp://mail%40user:p%40ss%20w%3Ard@127.0.0.1:\(sink.port)"
        let result = try await NIOSMTPTransport(config: .parse(url)).send(
            Mail.envelope(to: "a@example.org"))
        #expect(result == .delivered)
        #expect(try sink.received().map(\.user) == ["mail@user"])
    }

    @Test("AUTH LOGIN when the server does not offer PLAIN")
    func authLogin() async throws {
        let sink = try await SMTPSink.start(["--auth", "u:secret", "--auth-exclude", "PLAIN"])
        defer { sink.stop() }
        let config = try SMTPConfig.parse("smtp://u:secret@127.0.0.1:\(sink.port)")
        #expect(
            try await NIOSMTPTransport(config: config).send(Mail.envelope(to: "a@example.org"))
                == .delivered)
        #expect(try sink.received().map(\.user) == ["u"])
    }

    @Test("A wrong password is a permanent transport error, with no password in the text")
    func authRejected() async throws {
        let sink = try await SMTPSink.start(["--auth", "u:secret"])
        defer { sink.stop() }
        let config = try SMTPConfig.parse("smtp://u:wrong-pass@127.0.0.1:\(sink.port)")
        let error = try await #require(throws: MailTransportError.self) {
            try await NIOSMTPTransport(config: config).send([Mail.envelope(to: "a@example.org")])
        }
        guard case .authenticationFailed(535, _) = error.reason else {
            Issue.record("\(error)")
            return
        }
        #expect(error.isPermanent)
        #expect(!"\(error)".contains("wrong-pass"))
    }

    @Test("451 is a temporary failure, 550 a permanent one, and the others still go out")
    func perRecipientFailures() async throws {
        let sink = try await SMTPSink.start([
            "--tempfail", "busy@example.org", "--permfail", "gone@example.org",
        ])
        defer { sink.stop() }
        let to = ["one@example.org", "busy@example.org", "gone@example.org", "two@example.org"]
        let results = try await NIOSMTPTransport(config: sink.config()).send(
            to.map { Mail.envelope(to: $0) })
        try #require(results.count == 4)
        #expect(results[0] == .delivered && results[3] == .delivered)
        guard case .temporaryFailure(451, _) = results[1], case .permanentFailure(550, _) = results[2]
        else {
            Issue.record("got \(results)")
            return
        }
        #expect(try sink.received().map(\.to) == [["one@example.org"], ["two@example.org"]])
    }

    @Test("A 421 ends the batch with an error that keeps the results so far")
    func serviceClosing() async throws {
        let sink = try await SMTPSink.start(["--closing", "late@example.org"])
        defer { sink.stop() }
        let to = ["first@example.org", "late@example.org", "never@example.org"]
        let error = try await #require(throws: MailTransportError.self) {
            try await NIOSMTPTransport(config: sink.config()).send(to.map { Mail.envelope(to: $0) })
        }
        guard case .serviceClosing(421, _) = error.reason else {
            Issue.record("\(error)")
            return
        }
        #expect(error.completed == [.delivered])
        #expect(!error.isPermanent)
    }

    @Test("STARTTLS when offered, trusting a self-signed certificate")
    func startTLS() async throws {
        let cert = try SelfSignedCertificate()
        let sink = try await SMTPSink.start(["--starttls", cert.certPath, cert.keyPath])
        defer { sink.stop() }
        let transport = try NIOSMTPTransport(
            config: sink.config(host: "localhost"), tlsConfiguration: cert.trusting)
        #expect(try await transport.send(Mail.envelope(to: "a@example.org")) == .delivered)
        #expect(try sink.received().map(\.tls) == [true])
    }

    @Test("smtps:// speaks TLS from the first byte")
    func implicitTLS() async throws {
        let cert = try SelfSignedCertificate()
        let sink = try await SMTPSink.start(["--implicit-tls", cert.certPath, cert.keyPath])
        defer { sink.stop() }
        let config = try SMTPConfig.parse("smtps://127.0.0.1:\(sink.port)")
        let transport = try NIOSMTPTransport(config: config, tlsConfiguration: cert.trusting)
        #expect(try await transport.send(Mail.envelope(to: "a@example.org")) == .delivered)
        #expect(try sink.received().map(\.tls) == [true])
    }

    @Test("An untrusted certificate fails STARTTLS instead of falling back to plain text")
    func untrustedCertificate() async throws {
        let cert = try SelfSignedCertificate()
        let sink = try await SMTPSink.start(["--starttls", cert.certPath, cert.keyPath])
        defer { sink.stop() }
        let error = try await #require(throws: MailTransportError.self) {
            try await NIOSMTPTransport(config: sink.config(host: "localhost")).send([
                Mail.envelope(to: "a@example.org")
            ])
        }
        guard case .tlsFailed = error.reason else {
            Issue.record("\(error)")
            return
        }
        #expect(try sink.received().isEmpty)
    }
}

@Suite("SMTP failures that need no server")
struct SMTPFailureTests {
    @Test("Connection refused is a temporary transport error")
    func refused() async throws {
        let port = try await Loopback.closedPort()
        let error = try await #require(throws: MailTransportError.self) {
            try await NIOSMTPTransport(config: .parse("smtp://127.0.0.1:\(port)")).send([
                Mail.envelope(to: "a@example.org")
            ])
        }
        guard case .connectionFailed = error.reason else {
            Issue.record("\(error)")
            return
        }
        #expect(!error.isPermanent && error.completed.isEmpty)
    }

    @Test("A server that never greets times out")
    func silentServer() async throws {
        let server = try await Loopback.silentServer()
        defer { try? server.close().wait() }
        var transport = try NIOSMTPTransport(
            config: .parse("smtp://127.0.0.1:\(server.localAddress!.port!)"))
        transport.commandTimeout = .milliseconds(300)
        let error = try await #require(throws: MailTransportError.self) {
            try await transport.send([Mail.envelope(to: "a@example.org")])
        }
        #expect(error.reason == .timedOut(command: "greeting"))
    }
}

@Suite("SMTP wire format and configuration")
struct SMTPWireTests {
    @Test("VERDICT_SMTP_URL: schemes, default ports, percent-decoded credentials, options")
    func parseURL() throws {
        let config = try SMTPConfig.parse("smtp://me%40example.org:p%40ss%3Aword@mail.example.org:587")
        #expect(
            config
                == SMTPConfig(
                    host: "mail.example.org", port: 587, security: .startTLS,
                    username: "me@example.org", password: "p@ss:word", heloName: "localhost"))
        #expect(try SMTPConfig.parse("smtps://mail.example.org").port == 465)
        #expect(try SMTPConfig.parse("SMTP://mail.example.org").port == 25)
        #expect(try SMTPConfig.parse("smtp://[::1]:2525").host == "::1")
        let plain = try SMTPConfig.parse("smtp://relay:2525?starttls=off&helo=verdict.example")
        #expect(plain.security == .none && plain.heloName == "verdict.example")
    }

    @Test("Bad URLs say what is wrong and never echo the password")
    func parseErrors() {
        let cases: [(String, SMTPConfigError)] = [
            ("http://mail.example.org", .unsupportedScheme("http")),
            ("mail.example.org:25", .malformed(url: "mail.example.org:25")),
            ("smtp://", .missingHost(url: "smtp://")),
            ("smtp://u:secret@:25", .missingHost(url: "smtp://u:***@:25")),
            ("smtp://u:secret@host:abc", .badPort("abc")),
            ("smtp://host:0", .badPort("0")),
            ("smtp://host:70000", .badPort("70000")),
            ("smtp://user@host", .incompleteCredentials),
            ("smtps://host?starttls=off", .unknownOption("starttls")),
            ("smtp://host?tls=1", .unknownOption("tls")),
        ]
        for (url, expected) in cases {
            #expect(throws: expected, "\(url)") { try SMTPConfig.parse(url) }
        }
        let config = try? SMTPConfig.parse("smtp://u:secret@host")
        #expect(config.map { "\($0) \(String(reflecting: $0))".contains("secret") } == false)
    }

    @Test("Dot-stuffing doubles a leading dot, fixes bare LF and ends with CRLF.CRLF")
    func dotStuffing() {
        func wire(_ text: String) -> String { String(buffer: SMTPSession.dotStuffed(text)) }
        #expect(wire(".a\r\nb.\r\n.\r\n..\r\n") == "..a\r\nb.\r\n..\r\n...\r\n.\r\n")
        #expect(wire("a\n.b") == "a\r\n..b\r\n.\r\n")
    }

    @Test("Multi-line EHLO replies become one reply with capabilities")
    func replies() throws {
        var assembler = SMTPReplyAssembler()
        let lines = ["250-mail.example.org", "250-AUTH=PLAIN LOGIN", "250-8BITMIME", "250 STARTTLS"]
        let replies = try lines.map { try assembler.feed($0) }
        #expect(replies.dropLast().allSatisfy { $0 == nil })
        let capabilities = SMTPCapabilities(ehlo: try #require(replies.last ?? nil))
        #expect(
            capabilities.startTLS && capabilities.eightBitMIME
                && capabilities.authMechanisms == ["PLAIN", "LOGIN"])
        #expect(try assembler.feed("354") == SMTPReply(code: 354, lines: [""]))
        #expect(throws: MailTransportError.self) { try assembler.feed("hello") }
    }
}

@Suite("Outbox directory transport")
struct OutboxTests {
    @Test("One .eml per envelope; sending again overwrites instead of duplicating")
    func idempotent() async throws {
        // setup
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "outbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outbox = OutboxTransport(directory: directory)
        let envelopes = (1...3).map { Mail.envelope(to: "r\($0)@example.org", n: 1) }
        // MUT
        #expect(try await outbox.send(envelopes) == [.delivered, .delivered, .delivered])
        var again = envelopes[0]
        again.data = again.data.replacingOccurrences(of: "plain line", with: "second attempt")
        #expect(try await outbox.send([again]) == [.delivered])
        // validate
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files.count == 3 && files.allSatisfy { $0.hasSuffix(".eml") })
        let text = try String(contentsOf: outbox.fileURL(for: again), encoding: .utf8)
        #expect(
            text.hasPrefix("Return-Path: <digest@verdict.test>\r\nDelivered-To: r1@example.org\r\n"))
        #expect(text.contains("second attempt") && !text.contains("plain line"))
    }

    @Test("Message-ID is read from the header section only, unfolded")
    func messageID() {
        #expect(
            OutboxTransport.messageID(in: "Subject: x\r\nMessage-Id:\r\n <a@b>\r\n\r\nMessage-ID: <no>")
                == "<a@b>")
        #expect(OutboxTransport.messageID(in: "Subject: x\r\n\r\nMessage-ID: <body@b>\r\n") == nil)
    }
}

// MARK: - Helpers

enum Mail {
    /// A small plain-text message whose body has lines that need dot-stuffing.
    static func envelope(to: String, n: Int = 1) -> Envelope {
        let data = [
            "From: Verdict <digest@verdict.test>", "To: \(to)", "Subject: Digest \(n)",
            "Message-ID: <\(n)@verdict.test>", "Date: Mon, 24 Nov 2025 08:00:00 +0000",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "",
            ".leading dot", "..two dots", "plain line", ".", "end", "",
        ].joined(separator: "\r\n")
        return Envelope(from: "digest@verdict.test", to: to, data: data)
    }
}

/// Fixtures/smtp_sink.py running as a child process on a free loopback port.
final class SMTPSink {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent(
        "Tests/VerdictServerTests/Fixtures/smtp_sink.py"
    ).path
    /// A Python that can import aiosmtpd: $VERDICT_TEST_PYTHON, else the repository's .venv.
    static let python: String? = {
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["VERDICT_TEST_PYTHON"],
            repository.appendingPathComponent(".venv/bin/python").path,
        ]
        return candidates.compactMap { $0 }.first {
            (try? run($0, ["-c", "import aiosmtpd"]))?.status == 0
        }
    }()
    static let skipReason: Comment =
        "No Python with aiosmtpd: run `python3 -m venv .venv && .venv/bin/pip install aiosmtpd` in the repository, or set VERDICT_TEST_PYTHON."

    struct Received: Decodable {
        var from: String, to: [String], user: String?, peer: Int, tls: Bool
        var eml = URL(fileURLWithPath: "/")
        private enum CodingKeys: String, CodingKey { case from, to, user, peer, tls }
    }

    let process: Process, stdin: Pipe, port: Int, directory: URL

    private init(process: Process, stdin: Pipe, port: Int, directory: URL) {
        (self.process, self.stdin, self.port, self.directory) = (process, stdin, port, directory)
    }

    static func start(_ arguments: [String] = []) async throws -> SMTPSink {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = Process()
        let (stdin, stdout) = (Pipe(), Pipe())
        process.executableURL = URL(fileURLWithPath: try #require(python))
        process.arguments =
            [script, "serve", "--dir", directory.appendingPathComponent("mail").path] + arguments
        (process.standardInput, process.standardOutput) = (stdin, stdout)
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        // Blocking read off the cooperative pool; the sink prints "PORT n" when it listens.
        let line = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes = Data()
                while let byte = try? stdout.fileHandleForReading.read(upToCount: 1), !byte.isEmpty,
                    byte != Data("\n".utf8)
                { bytes += byte }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            process.terminate()
            throw SinkFailed(
                message: "smtp_sink.py did not start (printed '\(line)'); run it by hand to see why")
        }
        return SMTPSink(process: process, stdin: stdin, port: port, directory: directory)
    }

    /// Closing stdin tells the sink to stop.
    func stop() {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    func config(host: String = "127.0.0.1") -> SMTPConfig {
        SMTPConfig(
            host: host, port: port, security: .startTLS, username: nil, password: nil,
            heloName: "verdict.test")
    }

    /// The messages received so far, in arrival order.
    func received() throws -> [Received] {
        let mail = directory.appendingPathComponent("mail")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: mail.path)) ?? []).filter {
            $0.hasSuffix(".json")
        }.sorted()
        return try names.map { name in
            var received = try JSONDecoder().decode(
                Received.self, from: Data(contentsOf: mail.appendingPathComponent(name)))
            received.eml = mail.appendingPathComponent(
                name.replacingOccurrences(of: ".json", with: ".eml"))
            return received
        }
    }

    struct Parsed: Decodable { var headers: [String: String], body: String? }

    /// What Python's `email` package makes of a received message.
    func parse(_ eml: URL) throws -> Parsed {
        let result = try Self.run(try #require(Self.python), [Self.script, "parse", eml.path])
        return try JSONDecoder().decode(Parsed.self, from: result.output)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (
        status: Int32, output: Data
    ) {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        (process.arguments, process.standardOutput) = (arguments, output)
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    struct SinkFailed: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// A throwaway certificate for localhost and 127.0.0.1, and a client configuration trusting it.
struct SelfSignedCertificate {
    let certPath: String, keyPath: String

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smtp-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        (certPath, keyPath) = (
            directory.appendingPathComponent("cert.pem").path,
            directory.appendingPathComponent("key.pem").path
        )
        let result = try SMTPSink.run(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-days", "1",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", keyPath, "-out",
                certPath,
            ])
        try #require(result.status == 0, "openssl could not make a test certificate")
    }

    var trusting: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .file(certPath)
        return configuration
    }
}

enum Loopback {
    /// A port nobody listens on: bound, read, released.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(
            host: "127.0.0.1", port: 0
        ).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }

    /// Accepts connections and never says a word.
    static func silentServer() async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(
            host: "127.0.0.1", port: 0
        ).get()
    }
}
