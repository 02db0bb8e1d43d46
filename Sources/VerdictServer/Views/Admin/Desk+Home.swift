import Foundation
import Plot
import VerdictCore

/// The desk's front page: what waits, and the switch for moderating model takes.
extension Desk {
    struct Counts {
        var tools = 0, retired = 0, pending = 0, jobsQueued = 0, confirmedSubscribers = 0
        var moderation = false
    }

    func home(_ c: Counts) -> HTML {
        document(
            title: "Desk",
            body:
                .h1("Editor's desk"),
            .ul(
                .class("desk-stats"),
                .li(.strong(.text("\(c.tools)")), .text(" tools listed · \(c.retired) retired")),
                .li(.a(.href(SiteURL.admin(.takes).path), .strong(.text("\(c.pending)")), .text(" model takes waiting for review"))),
                .li(.strong(.text("\(c.jobsQueued)")), .text(" panel jobs queued")),
                .if(role == .admin, .li(.strong(.text("\(c.confirmedSubscribers)")), .text(" confirmed subscribers")))
            ),
            .section(
                .class("card"),
                .h2("Moderation of model takes"),
                .p(
                    .text(
                        c.moderation
                            ? "On: takes written by a model wait in the moderation queue until an editor approves them."
                            : "Off: takes written by a model are published as soon as they pass validation.")),
                .if(
                    role == .admin,
                    .form(
                        .method(.post), .action(SiteURL.admin(.settings).path), csrfField(),
                        .input(.type(.hidden), .name("moderate_llm_takes"), .value(c.moderation ? "0" : "1")),
                        .button(
                            .type(.submit), .class("button"),
                            .text(c.moderation ? "Publish model takes directly" : "Hold model takes for review"))
                    ), else: .p(.class("muted"), .text("Only admins can change this.")))
            )
        )
    }
}
