import Vapor

/// `verdict worker`: runs panel jobs only, for a separate process beside the web servers.
struct WorkerCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Runs the panel job worker only (no web server), polling the database for queued jobs\nExample: VERDICT_LLM_CONFIG=llm.yaml verdict worker"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard !app.panel.config.isEmpty else {
            context.console.error("No model backend configured (VERDICT_LLM_BASE_URL or VERDICT_LLM_CONFIG); nothing to work on.")
            throw CommandFailed()
        }
        context.console.info("Worker running for \(app.panel.config.backends.map(\.name).joined(separator: ", ")); Ctrl-C stops it.")
        await app.panel.worker(db: app.db, logger: app.logger).runForever(logger: app.logger)
    }
}
