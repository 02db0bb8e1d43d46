import Foundation
import Vapor
import VerdictCore

/// `verdict newsletter compose [--week 2026-W48]`.
struct NewsletterComposeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "week", help: "ISO week, e.g. 2026-W48 (default: the current week)")
        var week: String?
    }

    var help: String {
        "Builds the digest of an ISO week; writes a text preview and prints a preview link\nExample: verdict newsletter compose --week 2026-W49"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let week = try NewsletterWeek.parse(signature.week, now: app.dependencies.clock.now(), console: context.console)
        let issue: NewsletterIssueModel
        switch try await WeeklyDigest(app: app, role: "cli").compose(week: week, actor: Audit.cli("newsletter compose")) {
        case .composed(let composed): issue = composed
        case .alreadySent(let at):
            context.console.error("The \(week) issue was already sent (\(at)); it is not recomposed.")
            throw CommandFailed()
        case .sending:
            context.console.error(
                "The \(week) issue is being sent; it is not recomposed (`verdict newsletter send --week \(week)` resumes it).")
            throw CommandFailed()
        case .busy(let lease):
            context.console.error(lease.refusal(week))
            throw CommandFailed()
        }
        try FileManager.default.createDirectory(at: app.mail.outbox, withIntermediateDirectories: true)
        let file = app.mail.outbox.appendingPathComponent("digest-\(week).txt")
        try issue.textBody.write(to: file, atomically: true, encoding: .utf8)
        let sig = NewsletterTokens.preview(week.description, key: app.verdict.signingKey!)
        context.console.success("Composed \(week): \(issue.subject)")
        context.console.print("Text preview: \(file.path)")
        context.console.print("Preview page: \(app.mail.publicURL)\(SiteURL.newsletterPreview("\(week)").path)?sig=\(sig)")
    }
}
