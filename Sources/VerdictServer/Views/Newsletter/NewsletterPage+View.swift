import Foundation
import Plot

/// The newsletter's pages: messages (check your inbox, confirmed, left), the confirm button,
/// the archive list and one archived issue.
enum NewsletterPage {
    static func message(_ title: String, _ text: String, status: Int = 200) -> HTML {
        Layout.document(
            title: title, description: text,
            body: .section(
                .class("card newsletter-message"), .h1(.text(title)), .p(.class("lead"), .text(text)),
                .p(.a(.class("button"), .href(SiteURL.home), .text("Back to all verdicts")))))
    }

    /// The page behind a confirmation link: a button, because mail scanners prefetch GETs.
    static func confirm(token: String) -> HTML {
        Layout.document(
            title: "Confirm your subscription", description: "Confirm your Verdict subscription",
            body: .section(
                .class("card newsletter-message"),
                .h1("Confirm your subscription"),
                .p(.class("lead"), .text("One click and the weekly digest of AI tool verdicts is on its way.")),
                .form(
                    .method(.post), .action(SiteURL.newsletterConfirm),
                    .input(.type(.hidden), .name("token"), .value(HTMLEscaping.attribute(token))),
                    .button(.type(.submit), .class("button"), .text("Confirm subscription")))))
    }

    /// The page behind an unsubscribe link, for people who click it in the body.
    static func unsubscribe(action: String) -> HTML {
        Layout.document(
            title: "Unsubscribe", description: "Leave Verdict's weekly digest",
            body: .section(
                .class("card newsletter-message"),
                .h1("Leave the weekly digest?"),
                .form(
                    .method(.post), .action(HTMLEscaping.attribute(action)),
                    .button(.type(.submit), .class("button"), .text("Unsubscribe")))))
    }

    static func archive(_ issues: [(week: String, subject: String)]) -> HTML {
        Layout.document(
            title: "Weekly AI tool verdicts", description: "Every issue of Verdict's weekly digest",
            body:
                .h1("Weekly AI tool verdicts"),
            .p(.class("lead"), .text("Every digest we have sent, newest first.")),
            issues.isEmpty
                ? .p(.text("No issue has been sent yet."))
                : .ul(
                    .class("archive-list"),
                    .forEach(issues) { issue in
                        .li(.a(.href(SiteURL.newsletterIssue(issue.week)), .text("\(issue.week): \(issue.subject)")))
                    }),
            Components.newsletterBox())
    }

    /// One issue as the site shows it: the plain-text part, which says everything the mail does.
    static func issue(week: String, subject: String, text: String, preview: Bool) -> HTML {
        Layout.document(
            title: subject, description: "Verdict's weekly digest for \(week)",
            body:
                .p(.class("eyebrow"), .text(preview ? "Preview · not sent" : "Weekly AI tool verdicts · \(week)")),
            .h1(.text(subject)),
            .div(.class("digest-text"), .group(linked(text))),
            .p(.a(.href(SiteURL.newsletterArchive), .text("All issues"))),
            Components.newsletterBox())
    }

    /// The digest's text with every http(s) address a working link (escaped like any text);
    /// line breaks are kept by the stylesheet (`white-space: pre-wrap`).
    static func linked(_ text: String) -> [Node<HTML.BodyContext>] {
        var nodes: [Node<HTML.BodyContext>] = []
        var cursor = text.startIndex
        for match in text.matches(of: /https?:\/\/[^\s<>"]+/) {
            var end = match.range.upperBound
            // A sentence's full stop or a closing bracket is not part of the address.
            while end > match.range.lowerBound, ".,;:)".contains(text[text.index(before: end)]) { end = text.index(before: end) }
            let url = String(text[match.range.lowerBound..<end])
            nodes.append(.text(String(text[cursor..<match.range.lowerBound])))
            nodes.append(.a(.href(HTMLEscaping.attribute(url)), .text(url)))
            cursor = end
        }
        nodes.append(.text(String(text[cursor...])))
        return nodes
    }
}
