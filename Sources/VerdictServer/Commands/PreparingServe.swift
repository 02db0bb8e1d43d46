import Vapor

/// `verdict serve`: migrates, loads the demo catalog into an empty database, then hands over to
/// Vapor's own serve command (which owns `--hostname`, `--port`, `--bind`).
struct PreparingServe: AnyAsyncCommand {
    let wrapped: any AnyAsyncCommand

    var help: String {
        "Serves the site (default http://127.0.0.1:8080), after migrating and seeding the demo catalog into an empty database\nExample: verdict serve --hostname 127.0.0.1 --port 8080"
    }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        try await app.prepareDatabase()
        if app.settings.seedDemo {
            // Under the migration lock: a server started at the same moment on the same database
            // waits, then finds the catalog loaded instead of importing it a second time.
            if let summary = try await app.withMigrationLock({ try await DemoCatalog.seedIfEmpty(app) }) {
                app.logger.notice("Loaded the demo catalog: \(summary.line)")
            }
        }
        // Other servers' and processes' writes drop this server's cached pages.
        let follower = Task { [app] in await app.changeFeed.follow(app) }
        app.lifecycle.use(CancelOnShutdown(task: follower))
        if !app.panel.config.isEmpty {
            // The web server runs the panel worker too; `verdict worker` runs it alone.
            let worker = Task { [app] in await app.panel.worker(db: app.db, logger: app.logger).runForever(logger: app.logger) }
            app.lifecycle.use(CancelOnShutdown(task: worker))
        }
        // VERDICT_DIGEST_SCHEDULE: the weekly digest, sent once per week by whichever server gets to it.
        app.startDigestScheduler()
        app.startSourceScheduler()
        if app.settings.publicURL == nil {
            // Links in mail, feeds and share cards must reach this server, not a fixed default.
            let configuration = app.http.server.configuration
            if let origin = Self.listeningOrigin(
                arguments: context.input.arguments, host: configuration.hostname, port: configuration.port)
            {
                app.mail.publicURL = origin
                app.logger.warning(
                    "VERDICT_PUBLIC_URL is unset: links in mail, feeds and share cards use \(origin), the address this server listens on. Set VERDICT_PUBLIC_URL to the address readers use."
                )
            } else {
                app.logger.warning(
                    "VERDICT_PUBLIC_URL is unset and this server listens on a Unix socket, which no link can name: links in mail, feeds and share cards use \(app.mail.publicURL). Set VERDICT_PUBLIC_URL to the address readers use."
                )
            }
        }
        try await wrapped.run(using: &context)
    }

    /// The origin `serve` listens on, from its `--hostname`/`-H`, `--port`/`-p` or `--bind`/`-b`
    /// arguments over the configured defaults; an any-address host is reached as 127.0.0.1. Nil
    /// when it listens on a Unix socket (`--unix-socket`), which a link cannot name.
    static func listeningOrigin(arguments: [String], host: String, port: Int) -> String? {
        var (host, port) = (host, port)
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let (flag, next) = (arguments[i], arguments.index(after: i) < arguments.endIndex ? arguments[arguments.index(after: i)] : nil)
            switch flag {
            case "--hostname", "-H": if let next { host = next }
            case "--port", "-p": if let next, let p = Int(next) { port = p }
            case "--bind", "-b":
                // "host:port", or a bare host on the configured port (as Vapor reads it).
                if let next, let colon = next.lastIndex(of: ":"), let p = Int(next[next.index(after: colon)...]) {
                    (host, port) = (String(next[..<colon]), p)
                } else if let next, !next.contains(":") {
                    host = next
                }
            case "--unix-socket": return nil
            default: break
            }
            i = arguments.index(after: i)
        }
        if ["0.0.0.0", "::", "[::]", ""].contains(host) { host = "127.0.0.1" }
        if host.contains(":"), !host.hasPrefix("[") { host = "[\(host)]" }
        return "http://\(host):\(port)"
    }

    func outputAutoComplete(using context: inout CommandContext) throws { try wrapped.outputAutoComplete(using: &context) }

    func outputHelp(using context: inout CommandContext) throws { try wrapped.outputHelp(using: &context) }

    func renderCompletionFunctions(using context: CommandContext, shell: Shell) -> String {
        wrapped.renderCompletionFunctions(using: context, shell: shell)
    }
}

/// Stops a background task when the application shuts down.
struct CancelOnShutdown: LifecycleHandler {
    let task: Task<Void, Never>

    func shutdown(_ application: Application) {
        task.cancel()
    }
}
