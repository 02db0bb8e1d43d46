import Fluent
import Vapor
import VerdictCore

/// `verdict panel run [--tool SLUG,…] [--persona P] [--backend NAME] [--force]`.
struct PanelRunCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "tool", help: "Only these tools (comma-separated slugs)")
        var tool: String?
        @Option(name: "persona", help: "Only this persona: builder, skeptic, futurist or buyer")
        var persona: String?
        @Option(name: "backend", help: "The model backend to use (default: the first configured); without any, the rubric runs")
        var backend: String?
        @Flag(name: "force", help: "Call the model even when an identical take (facts, persona, prompt, model) exists")
        var force: Bool
    }

    var help: String {
        "Writes takes: with a model backend configured, queues and runs model jobs (progress bar); otherwise the offline rubric\nExample: verdict panel run --tool gemini-2-5-flash"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let slugs = signature.tool.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        let tools = try await PanelTargets.tools(slugs, on: app.db, console: context.console)
        let personas = try PanelTargets.personas(signature.persona, console: context.console)
        guard !app.panel.config.isEmpty || signature.backend != nil else {
            let written = try await RubricPanel.runAll(slugs: slugs, at: app.dependencies.clock.now(), on: app.db)
            await app.changes.standingsChanged(tools.compactMap(\.id))
            context.console.success("Rubric panel: \(written) take\(written == 1 ? "" : "s") written (unchanged takes are kept).")
            return
        }
        guard let backend = app.panel.config.backend(named: signature.backend) else {
            context.console.error(
                "No backend named '\(signature.backend ?? "")'; configured: \(app.panel.config.backends.map(\.name).joined(separator: ", "))"
            )
            throw CommandFailed()
        }
        let queued = try await PanelJobModel.enqueue(
            tools: tools.compactMap(\.id), personas: personas, backend: backend.name, force: signature.force, on: app.db)
        context.console.info("Queued \(queued) job\(queued == 1 ? "" : "s") on \(backend.name) (\(backend.model)).")
        let tally = try await PanelProgress.drain(app: app, expected: queued, console: context.console)
        context.console.success("Panel: \(tally.line)")
    }
}
