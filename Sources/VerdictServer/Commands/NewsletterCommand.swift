import Vapor
import VerdictCore

/// `verdict newsletter compose|send`.
struct NewsletterCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["compose": NewsletterComposeCommand(), "send": NewsletterSendCommand()]
    var help: String { "Composes and sends the weekly digest (see `verdict newsletter compose --help`)" }
}

/// The `--week` option of the newsletter verbs: an ISO week, by default the current one.
enum NewsletterWeek {
    static func parse(_ raw: String?, now: Date, console: any Console) throws -> ISOWeek {
        guard let raw else { return ISOWeek.containing(now) }
        guard let week = ISOWeek(raw) else {
            console.error("'\(raw)' is not an ISO week; expected the form 2026-W48")
            throw CommandFailed()
        }
        return week
    }
}
