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
        let result: ImportResult
        do {
            result = try await app.importPipeline.run(
                .text(data, source: signature.file, origin: .cli, checkOnly: signature.check))
        } catch let failure as ImportFailure {
            context.console.error("\(failure)")
            throw CommandFailed()
        }
        guard let summary = result.summary else {
            context.console.success(result.line(source: signature.file))
            return
        }
        context.console.success("Imported \(signature.file): \(summary.line)")
        if summary.panelJobsQueued > 0 {
            context.console.info("Queued \(summary.panelJobsQueued) panel jobs; `verdict worker` or `verdict serve` runs them.")
        }
    }
}

/// Thrown after a command has printed its own error, so the exit code is non-zero.
struct CommandFailed: Error, CustomStringConvertible {
    var description: String { "stopped; nothing was changed" }
}
