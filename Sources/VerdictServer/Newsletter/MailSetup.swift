import Foundation
import Vapor
import VerdictCore

/// How mail leaves: an SMTP server (`VERDICT_SMTP_URL`) or, by default, an outbox folder of
/// `.eml` files; who it is from; and the public origin every link in it uses.
struct MailSetup: Sendable {
    var transport: any MailTransport
    var from: EmailAddress
    var fromName = "Verdict"
    /// The origin used in every link, e.g. https://verdict.example (no trailing slash).
    var publicURL: String
    /// Where previews (and, without SMTP, the mail itself) are written.
    var outbox: URL

    static func fromEnvironment(_ env: [String: String], config: AppConfig) throws -> MailSetup {
        let outbox = URL(fileURLWithPath: env["VERDICT_OUTBOX"].flatMap { $0.isEmpty ? nil : $0 } ?? "outbox")
        let rawFrom = env["VERDICT_MAIL_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? "verdict@localhost.localdomain"
        guard let from = EmailAddress(rawFrom) else { throw ConfigError("VERDICT_MAIL_FROM is not an email address: '\(rawFrom)'") }
        let publicURL = (config.publicURL ?? "http://127.0.0.1:8080").trimmingSuffix("/")
        let transport: any MailTransport
        if let url = env["VERDICT_SMTP_URL"], !url.isEmpty {
            transport = try NIOSMTPTransport(config: try SMTPConfig.parse(url))
        } else {
            transport = OutboxTransport(directory: outbox)
        }
        return MailSetup(transport: transport, from: from, publicURL: publicURL, outbox: outbox)
    }
}

extension Application {
    private struct MailKey: StorageKey {
        typealias Value = MailSetup
    }

    var mail: MailSetup {
        get { configured(MailKey.self) }
        set { storage[MailKey.self] = newValue }
    }
}
