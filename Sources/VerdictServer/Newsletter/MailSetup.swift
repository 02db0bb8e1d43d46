import Foundation
import Vapor
import VerdictCore

/// Who mail is from and the public origin every link in it uses; how it leaves is
/// `AppDependencies.mailTransport`.
struct MailSetup: Sendable {
    var from: EmailAddress
    var fromName = "Verdict"
    /// The origin used in every link, e.g. https://verdict.example (no trailing slash).
    var publicURL: String
    /// Where previews (and, without SMTP, the mail itself) are written.
    var outbox: URL

    init(_ settings: Settings) {
        from = settings.mail.from
        publicURL = settings.mailPublicURL
        outbox = URL(fileURLWithPath: settings.mail.outbox)
    }
}

extension Application {
    var mail: MailSetup {
        get { configured() }
        set { configure(newValue) }
    }
}
