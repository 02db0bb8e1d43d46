import Fluent
import NIOConcurrencyHelpers
import Vapor
import VerdictCore

/// `verdict newsletter compose|send`.
struct NewsletterCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["compose": ComposeCommand(), "send": SendCommand()]
    var help: String { "Composes and sends the weekly digest (see `verdict newsletter compose --help`)" }
}

struct ComposeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "week", help: "ISO week, e.g. 2026-W48 (default: the current week)")
        var week: String?
    }

    var help: String { "Builds the digest of an ISO week; writes a text preview and prints a preview link" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let week = try NewsletterWeek.parse(signature.week, console: context.console)
        let issue = try await Composer.compose(week: week, app: app)
        try FileManager.default.createDirectory(at: app.mail.outbox, withIntermediateDirectories: true)
        let file = app.mail.outbox.appendingPathComponent("digest-\(week).txt")
        try issue.textBody.write(to: file, atomically: true, encoding: .utf8)
        let sig = NewsletterTokens.preview(week.description, key: app.verdict.signingKey!)
        context.console.success("Composed \(week): \(issue.subject)")
        context.console.print("Text preview: \(file.path)")
        context.console.print("Preview page: \(app.mail.publicURL)/newsletter/preview/\(week)?sig=\(sig)")
    }
}

struct SendCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "week", help: "ISO week of a composed issue, e.g. 2026-W48 (default: the current week)")
        var week: String?
    }

    var help: String { "Sends a composed digest to every confirmed subscriber; safe to re-run after an interruption" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let week = try NewsletterWeek.parse(signature.week, console: context.console)
        guard let issue = try await NewsletterIssueModel.query(on: app.db).filter(\.$week == week.description).first() else {
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

enum NewsletterWeek {
    static func parse(_ raw: String?, console: any Console) throws -> ISOWeek {
        guard let raw else { return ISOWeek.containing(Date()) }
        guard let week = ISOWeek(raw) else {
            console.error("'\(raw)' is not an ISO week; expected the form 2026-W48")
            throw CommandFailed()
        }
        return week
    }
}
