import Foundation
import Vapor
import VerdictCore

/// Builds the envelopes Verdict sends: confirmations and digests.
enum Mailer {
    /// `idSeed` is unique per request (the claim that won the send), so each re-sent mail gets its own Message-ID.
    static func confirmation(to: EmailAddress, token: String, mail: MailSetup, date: Date, idSeed: String) -> Envelope {
        let link = "\(mail.publicURL)\(SiteURL.newsletterConfirm.path)?token=\(token)"
        let text = """
            Someone (hopefully you) asked to get "Weekly AI tool verdicts" from Verdict at this address.

            Confirm here (the link works once, for 48 hours):
            \(link)

            If it was not you, ignore this mail: nothing is sent until the address is confirmed.
            """
        let html = """
            <p>Someone (hopefully you) asked to get <strong>Weekly AI tool verdicts</strong> from Verdict at this address.</p>
            <p><a href="\(link)">Confirm your subscription</a> (the link works once, for 48 hours).</p>
            <p>If it was not you, ignore this mail: nothing is sent until the address is confirmed.</p>
            """
        return envelope(
            to: to, subject: "Confirm your Verdict subscription", text: text, html: html, extra: [], mail: mail, date: date, idSeed: idSeed)
    }

    /// A digest for one subscriber, with its own one-click unsubscribe link (RFC 8058).
    static func digest(
        _ issue: NewsletterIssueModel, to subscriber: SubscriberModel, key: SymmetricKey, mail: MailSetup, date: Date
    ) -> Envelope? {
        guard let id = subscriber.id, let address = EmailAddress(subscriber.email) else { return nil }
        let unsubscribe =
            "\(mail.publicURL)\(SiteURL.newsletterUnsubscribe.path)?s=\(id.uuidString.lowercased())&t=\(NewsletterTokens.unsubscribe(id, key: key))"
        let text = issue.textBody.replacing(DigestPlaceholder.unsubscribe, with: unsubscribe)
        let html = issue.htmlBody.replacing(DigestPlaceholder.unsubscribe, with: HTMLText.escape(unsubscribe))
        return envelope(
            to: address, subject: issue.subject, text: text, html: html,
            extra: [("List-Unsubscribe", "<\(unsubscribe)>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")],
            mail: mail, date: date, idSeed: "\(issue.week)-\(id)")
    }

    private static func envelope(
        to: EmailAddress, subject: String, text: String, html: String, extra: [(String, String)], mail: MailSetup,
        date: Date, idSeed: String
    ) -> Envelope {
        let host = URL(string: mail.publicURL)?.host ?? "verdict.local"
        let messageID = "<\(SiteCrypto.sha256Hex(idSeed).prefix(24))@\(host)>"
        let message = MailMessage(
            from: mail.from, fromName: mail.fromName, to: to, subject: subject, textBody: text, htmlBody: html,
            headers: extra, messageID: messageID, date: date)
        let boundary = "=_verdict_" + SiteCrypto.sha256Hex(messageID).prefix(20)
        return Envelope(from: mail.from.value, to: to.value, data: message.render(boundary: boundary))
    }
}

/// Stands in the stored digest where each subscriber's own unsubscribe link goes.
enum DigestPlaceholder {
    static let unsubscribe = "https://unsubscribe.invalid/__VERDICT_UNSUBSCRIBE__"
}
