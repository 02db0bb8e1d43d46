import Foundation
import Vapor
import VerdictCore

/// `verdict newsletter compose [--week 2026-W48]`.
struct NewsletterComposeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "week", help: "ISO week, e.g. 2026-W48 (default: the current week)")
        var week: String?
    }

    var help: String { "Builds the digest of an ISO week; writes a text preview and prints a preview link" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let week = try NewsletterWeek.parse(signature.week, now: app.dependencies.clock.now(), console: context.console)
        let issue = try await Composer.compose(week: week, app: app)
        try FileManager.default.createDirectory(at: app.mail.outbox, withIntermediateDirectories: true)
        let file = app.mail.outbox.appendingPathComponent("digest-\(week).txt")
        try issue.textBody.write(to: file, atomically: true, encoding: .utf8)
        let sig = NewsletterTokens.preview(week.description, key: app.verdict.signingKey!)
        context.console.success("Composed \(week): \(issue.subject)")
        context.console.print("Text preview: \(file.path)")
        context.console.print("Preview page: \(app.mail.publicURL)\(SiteURL.newsletterPreview("\(week)").path)?sig=\(sig)")
    }
}
