import Vapor
import VerdictCore

/// `verdict panel …`: the panel's verbs.
struct PanelCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["run": PanelRunCommand()]
    var help: String { "Runs the reviewer panel (see `verdict panel run --help`)" }
}

/// `verdict panel run [--tool SLUG]`: writes rubric takes for every persona without an
/// editorial take; unchanged facts change nothing.
struct PanelRunCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "tool", help: "Only this tool (slug); comma-separate several")
        var tool: String?
    }

    var help: String { "Runs the built-in rubric panel on the catalog (or --tool SLUG,…)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let slugs = signature.tool.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        if let slugs {
            let known = try await ToolModel.allSlugs(on: app.db)
            let unknown = slugs.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                context.console.error("No tool with slug \(unknown.map { "'\($0)'" }.joined(separator: ", "))")
                throw CommandFailed()
            }
        }
        let written = try await RubricPanel.runAll(slugs: slugs, asOf: app.verdict.clockMonth(), on: app.db)
        context.console.success("Rubric panel: \(written) take\(written == 1 ? "" : "s") written (unchanged takes are kept).")
    }
}
