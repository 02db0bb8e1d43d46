import Fluent
import Vapor
import VerdictCore

/// `verdict newsletter send [--week 2026-W48]`.
struct NewsletterSendCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "week", help: "ISO week of a composed issue, e.g. 2026-W48 (default: the current week)")
        var week: String?
    }

    var help: String {
        "Sends a composed digest to every confirmed subscriber; safe to re-run after an interruption\nExample: verdict newsletter send --week 2026-W49"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let week = try NewsletterWeek.parse(signature.week, now: app.dependencies.clock.now(), console: context.console)
        let bar = context.console.progressBar(title: "Sending \(week)")
        bar.start()
        // The scheduler's path too: under the digest lease, never a second send of a sent week.
        let outcome = try await WeeklyDigest(app: app, role: "cli").send(
            week: week, compose: false, actor: Audit.cli("newsletter send"),
            progress: { done, total in bar.activity.currentProgress = total == 0 ? 1 : Double(done) / Double(total) })
        switch outcome {
        case .ran(let report):
            bar.succeed()
            context.console.success("\(week): \(report.line)")
            if report.remaining > 0 { throw CommandFailed() }
        case .alreadySent(let sentAt):
            bar.succeed()
            context.console.success("The \(week) issue was already sent (\(sentAt)); nothing to send.")
        case .notComposed:
            bar.fail()
            context.console.error("No composed issue for \(week); run `verdict newsletter compose --week \(week)` first.")
            throw CommandFailed()
        case .busy(let lease):
            bar.fail()
            context.console.error(lease.refusal(week))
            throw CommandFailed()
        }
    }
}
