import Vapor
import VerdictCore

/// `verdict sync [--source NAME] [--dry-run]`: syncs the configured dataset sources
/// (`VERDICT_SOURCES`) now, as `serve` does daily, and prints what changed.
struct SyncCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "source", help: "Sync only this source: models.dev, genai-prices or litellm (as named in VERDICT_SOURCES)")
        var source: String?

        @Flag(name: "dry-run", help: "Download and compare, print the difference, write nothing")
        var dryRun: Bool
    }

    var help: String {
        "Syncs the public datasets in VERDICT_SOURCES now and prints the difference "
            + "(e.g. VERDICT_SOURCES=models.dev=https://models.dev/api.json verdict sync --dry-run)"
    }

    /// Records listed per kind of change before "… and N more".
    static let listed = 20

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let configured = app.settings.intake.sources
        guard !configured.sources.isEmpty else {
            throw ConfigError(
                "no sources configured: set VERDICT_SOURCES, e.g. VERDICT_SOURCES=models.dev=https://models.dev/api.json,litellm=/srv/data/litellm.json"
            )
        }
        var sources = configured.sources
        if let name = signature.source {
            guard let one = configured.source(named: name) else {
                throw ConfigError(
                    "no source named '\(name)' in VERDICT_SOURCES (configured: \(sources.map(\.name).joined(separator: ", ")))")
            }
            sources = [one]
        }
        try await app.prepareDatabase()
        var failed = false
        for source in sources {
            let bar = context.console.progressBar(title: "Syncing \(source.name)")
            bar.start()
            let report = await SourceSync(
                app: app, progress: { done, total in bar.activity.currentProgress = total == 0 ? 1 : Double(done) / Double(total) }
            ).sync(source, dryRun: signature.dryRun)
            if case .failed = report.outcome { bar.fail() } else { bar.succeed() }
            if case .failed = report.outcome {
                failed = true
                context.console.error(report.line)
                continue
            }
            context.console.success(report.line)
            if case .compared(let result, _) = report.outcome {
                for line in Self.details(result) { context.console.print(line) }
            }
        }
        if failed { throw CommandFailed() }
    }

    /// The diff record by record: added, changed and removed ids, malformed records left out.
    static func details(_ result: ImportResult) -> [String] {
        guard let diff = result.diff else { return [] }
        var lines: [String] = []
        func list(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("  \(title):")
            lines += items.prefix(listed).map { "    \($0)" }
            if items.count > listed { lines.append("    … and \(items.count - listed) more") }
        }
        list("added", diff.added.map { "+ \($0.recordID) (\($0.name))" })
        list("changed", diff.changed.map { "~ \($0.recordID) (\($0.name))" })
        list("removed", diff.removed.map { "- \($0)" })
        list("malformed, left as they were", result.skipped.map { "! \($0)" })
        if let dataset = result.dataset, !dataset.added.isEmpty { list("new tools", dataset.added) }
        return lines
    }
}
