import Vapor
import VerdictCore

/// `verdict import FILE`: validates the whole file, then upserts tools and editorial takes in
/// one transaction; any problem leaves the database as it was.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A YAML or JSON file with `tools:` and/or `takes:`")
        var file: String

        @Flag(name: "check", help: "Validate only; write nothing")
        var check: Bool
    }

    var help: String { "Imports tools and editorial takes from a YAML or JSON file (validated first; all or nothing)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw ConfigError("Cannot read '\(signature.file)': no such file, or not readable")
        }
        try await app.prepareDatabase()
        let plan: CatalogImport
        do {
            plan = try ImportFile.load(data, name: signature.file, knownSlugs: try await ToolModel.allSlugs(on: app.db))
        } catch {
            context.console.error("\(error)")
            throw CommandFailed()
        }
        if signature.check {
            context.console.success("\(signature.file): valid (\(plan.tools.count) tools, \(plan.takes.count) takes); nothing written.")
            return
        }
        let summary = try await CatalogImporter.apply(plan, asOf: app.verdict.clockMonth(), actor: Audit.cli("import"), on: app.db)
        context.console.success("Imported \(signature.file): \(summary.line)")
        let queued = try await app.queuePanel(after: summary)
        if queued > 0 { context.console.info("Queued \(queued) panel jobs; `verdict worker` or `verdict serve` runs them.") }
    }
}

/// Thrown after a command has printed its own error, so the exit code is non-zero.
struct CommandFailed: Error, CustomStringConvertible {
    var description: String { "stopped; nothing was changed" }
}
