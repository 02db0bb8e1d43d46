import Vapor

/// `verdict config`: the effective settings, one per line, secrets masked, each with where it
/// came from (default, environment, or the file that set it).
struct ConfigCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Prints the effective settings (secrets masked) and where each came from\nExample: DATABASE_URL=sqlite:verdict.sqlite verdict config"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        for entry in context.application.settings.report {
            context.console.print("\(entry.name)=\(entry.value)  (\(entry.source))")
        }
    }
}
