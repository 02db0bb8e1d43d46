import Foundation
import Plot
import VerdictCore

/// The editor's desk: every page shares a nav, the signed-in person and a sign-out button.
/// Every form carries the session's CSRF token (`csrf`). Each page is in `Desk+<Page>.swift`;
/// values from the database are text to Plot (escaped) or pass through `HTMLEscaping.attribute`.
struct Desk {
    let email: String
    let role: Role
    let csrf: String

    func document(title: String, notice: String? = nil, body: Node<HTML.BodyContext>...) -> HTML {
        Layout.document(
            title: "\(title) · Editor's desk", description: "Verdict's editor's desk",
            body:
                .nav(
                    .class("desk-nav"), .attribute(named: "aria-label", value: "Editor's desk"),
                    .ul(
                        .li(.a(.href(SiteURL.admin(.home).path), .text("Desk"))),
                        .li(.a(.href(SiteURL.admin(.tools).path), .text("Tools"))),
                        .li(.a(.href(SiteURL.admin(.takes).path), .text("Moderation"))),
                        .li(.a(.href(SiteURL.admin(.importCatalog).path), .text("Import"))),
                        .li(.a(.href(SiteURL.admin(.intake).path), .text("Intake"))),
                        .li(.a(.href(SiteURL.admin(.sources).path), .text("Sources"))),
                        .if(
                            role == .admin,
                            .group(
                                .li(.a(.href(SiteURL.admin(.subscribers).path), .text("Subscribers"))),
                                .li(.a(.href(SiteURL.admin(.sends).path), .text("Sends"))),
                                .li(.a(.href(SiteURL.admin(.audit).path), .text("Audit log")))
                            ))
                    ),
                    .form(
                        .class("desk-signout"), .method(.post), .action(SiteURL.logout.path),
                        csrfField(),
                        .span(.text("\(email) · \(role.rawValue) ")),
                        .button(.type(.submit), .class("button-link"), .text("Sign out"))
                    )
                ),
            .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .group(body)
        )
    }

    func csrfField() -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("csrf"), .value(HTMLEscaping.attribute(csrf)))
    }

    /// A one-button form that POSTs to `action`.
    func button(_ label: String, to action: String, style: String = "button") -> Node<HTML.BodyContext> {
        .form(
            .class("inline-form"), .method(.post), .action(HTMLEscaping.attribute(action)), csrfField(),
            .button(.type(.submit), .class(style), .text(label)))
    }

    static func date(_ date: Date?) -> String {
        guard let date else { return "—" }
        return UTCDate.dateTime(date) + " UTC"
    }

    static func table(_ headers: [String], _ rows: [[Node<HTML.TableRowContext>]]) -> Node<HTML.BodyContext> {
        .div(
            .class("table-scroll"),
            .table(
                .class("desk-table"),
                .thead(.tr(.forEach(headers) { .th(.text($0)) })),
                .tbody(.forEach(rows) { cells in .tr(.group(cells)) })
            ))
    }
}
