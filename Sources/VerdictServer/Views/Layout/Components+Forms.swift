import Plot
import VerdictCore

extension Components {
    /// The id of the newsletter box, which `SiteURL.newsletter` points at on the home page.
    static let newsletterID = "newsletter"

    /// Ship/skip buttons that POST `vote=ship|skip` and `return=<path>` (form-urlencoded) to
    /// the tool's vote endpoint; the reader's current vote is marked.
    static func voteForm(
        slug: String, toolName: String, current: Verdict?, returnTo: String
    ) -> Node<HTML.BodyContext> {
        .form(
            .class("vote-form"),
            .method(.post),
            .action(SiteURL.toolVote(slug)),
            .input(.type(.hidden), .name("return"), .value(HTMLEscaping.attribute(returnTo))),
            .div(
                .class("vote-buttons"),
                .attribute(named: "role", value: "group"),
                .attribute(named: "aria-label", value: HTMLEscaping.attribute("Your vote on \(toolName)")),
                voteButton(.ship, current: current),
                voteButton(.skip, current: current)
            ),
            .p(.class("vote-status"), .text(voteStatus(current)))
        )
    }

    static func voteButton(_ verdict: Verdict, current: Verdict?) -> Node<HTML.FormContext> {
        let isCurrent = verdict == current
        return .button(
            .type(.submit),
            .name("vote"),
            .value(verdict.rawValue),
            .class("vote-button vote-\(verdict.rawValue)\(isCurrent ? " is-current" : "")"),
            .attribute(named: "aria-pressed", value: isCurrent ? "true" : "false"),
            .span(
                .class("badge-icon"), .attribute(named: "aria-hidden", value: "true"),
                .text(verdict == .ship ? "✓" : "✕")),
            .text(label(verdict))
        )
    }

    static func voteStatus(_ current: Verdict?) -> String {
        guard let current else { return "You have not voted yet. One vote per tool, changeable." }
        return "Your vote: \(label(current).lowercased()). You can change it any time."
    }

    /// "Weekly AI tool verdicts". Sign-up is not built yet, so the controls are disabled and
    /// say so rather than pretending to work.
    static func newsletterBox(lead: String = "Get the next comparison in your inbox.") -> Node<HTML.BodyContext> {
        .section(
            .id(newsletterID),
            .class("card newsletter"),
            .attribute(named: "aria-labelledby", value: "newsletter-title"),
            .h2(.id("newsletter-title"), .text("Weekly AI tool verdicts")),
            .p(.text(lead), .text(" One digest a week of new comparisons and verdicts.")),
            .form(
                .class("newsletter-form"), .method(.post), .action(SiteURL.subscribe),
                .label(.for("newsletter-email"), .class("visually-hidden"), .text("Email address")),
                .input(
                    .type(.email), .id("newsletter-email"), .name("email"), .required(true),
                    .placeholder("you@example.com"), .attribute(named: "autocomplete", value: "email")
                ),
                .button(.type(.submit), .text("Subscribe"))
            ),
            .p(
                .class("newsletter-soon"),
                .text("We send a confirmation link first; nothing arrives until you confirm. Leave with one click."))
        )
    }
}
