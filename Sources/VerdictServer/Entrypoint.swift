import Logging
import Metrics
import NIOCore
import NIOPosix
import Prometheus
import Vapor

/// The `verdict` executable: reads the settings, wires the app, runs the command.
public enum Entrypoint {
    /// For `verdict serve` (Vapor's default command when none is given), makes NIO's event loops
    /// Swift's global executor: an async handler then runs on the loop that read its request
    /// instead of hopping to another thread and back (a cached page costs about a third less CPU).
    /// `serve` keeps blocking work off the loops (passwords, imports and SQLite run on thread
    /// pools); the one-shot commands keep the default executor. Call it from the main thread
    /// before any other concurrency code, as NIO requires: the first line of `main.swift`.
    public static func prepareExecutor(arguments: [String] = CommandLine.arguments) {
        guard servesRequests(arguments) else { return }
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    static func servesRequests(_ arguments: [String]) -> Bool {
        guard let command = arguments.dropFirst().first else { return true }
        return command == "serve"
    }

    public static func main() async {
        var env: Environment
        let settings: Settings
        if CommandLine.arguments.dropFirst().first.map({ ["--version", "-V", "version"].contains($0) }) == true {
            print(CommandErrors.version)
            exit(0)
        }
        do {
            env = try Environment.detect()
            // Before Vapor starts, so a bad setting stops every command with one line.
            settings = try Settings.load(environment: ProcessInfo.processInfo.environment, envFiles: await envFiles(for: env))
            if env.arguments.dropFirst().first == "mcp" {
                // `verdict mcp` speaks the protocol on standard output: every log line goes to standard error.
                LoggingSystem.bootstrap { label in
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = .warning
                    return handler
                }
            } else {
                try LoggingSystem.bootstrap(from: &env)
            }
        } catch {
            fail(error, status: 2)
        }
        Metrics.bootstrap()
        let app: Application
        do {
            app = try await Application.make(env)
        } catch {
            fail(error, status: 1)
        }
        var failed = false
        do {
            try await configure(app, settings: settings)
        } catch {
            app.logger.critical("\(String(describing: error))")
            failed = true
        }
        if !failed {
            do {
                // `startup` rather than `execute`: a bad command line is said in plain words
                // here, not logged by Vapor as a Swift value.
                try await app.startup()
                try await app.running?.onStop.get()
            } catch {
                if let sentence = CommandErrors.sentence(error, arguments: env.arguments) {
                    FileHandle.standardError.write(Data("verdict: \(sentence)\n".utf8))
                }
                failed = true
            }
        }
        try? await app.asyncShutdown()
        if failed { exit(1) }
    }

    /// `.env.<environment>` then `.env`, as Vapor reads them (earlier wins; the process
    /// environment wins over both). Missing files are skipped.
    static func envFiles(for env: Environment) async -> [(path: String, values: [String: String])] {
        var files: [(path: String, values: [String: String])] = []
        for path in [".env.\(env.name)", ".env"] {
            guard FileManager.default.fileExists(atPath: path),
                let file = try? await DotEnvFile.read(path: path, fileio: NonBlockingFileIO(threadPool: .singleton))
            else { continue }
            files.append((path, Dictionary(file.lines.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })))
        }
        return files
    }

    /// One line on standard error, then exit: nothing of Vapor has started yet.
    static func fail(_ error: any Error, status: Int32) -> Never {
        let line = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("verdict: \(line)\n".utf8))
        exit(status)
    }
}
