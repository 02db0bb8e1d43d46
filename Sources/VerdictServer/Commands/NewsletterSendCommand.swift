import Fluent
import Vapor
import VerdictCore

/// `verdict newsletter send [--week 2026-W48]`.
struct NewsletterSendCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "week", help: "ISO week of a composed issue, e.g. 2026-W48 (default: the current week)")
        var week: String?
    }

    var help: String { "Sends a composed digest to every confirmed subscriber; safe to re-run after an interruption" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let week = try NewsletterWeek.parse(signature.week, now: app.dependencies.clock.now(), console: context.console)
        guard let issue = try await NewsletterIssueModel.find(week: week.description, on: app.db) else {
            context.console.error("No composed issue for \(week); run `verdict newsletter compose --week \(week)` first.")
            throw CommandFailed()
        }
        let bar = context.console.progressBar(title: "Sending \(week)")
        bar.start()
        let report = try await Sender(app: app).send(issue) { done, total in
            bar.activity.currentProgress = total == 0 ? 1 : Double(done) / Double(total)
        }
        bar.succeed()
        context.console.success("\(week): \(report.line)")
        if report.remaining > 0 { throw CommandFailed() }
    }
}
