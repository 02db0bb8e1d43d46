import Foundation
import Plot
import VerdictCore

/// The audit log, filtered by actor, action or subject (admins only).
extension Desk {
    func audit(_ entries: [AdminDTO.AuditEntry], filters: [String: String]) -> HTML {
        document(
            title: "Audit log",
            body:
                .h1("Audit log"),
            .p(.class("lead"), .text("Every change made by a person or a job, newest first. Also at \(SiteURL.api(.admin(.audit)).path).")),
            .form(
                .class("desk-filters"), .method(.get), .action(SiteURL.admin(.audit).path),
                .forEach(["actor", "action", "subject"]) { key in
                    .div(
                        .class("field"), .label(.for("a-\(key)"), .text(key.capitalized)),
                        .input(.type(.text), .id("a-\(key)"), .name(key), .value(HTMLEscaping.attribute(filters[key] ?? ""))))
                },
                .button(.type(.submit), .class("button"), .text("Filter"))
            ),
            Desk.table(
                ["When", "Who", "What", "Subject", "Before → after"],
                entries.map { e in
                    [
                        .td(.text(Desk.date(e.at))), .td(.text(e.actor)), .td(.code(.text(e.action))), .td(.text(e.subject)),
                        .td(
                            .details(
                                .summary(.text("show")),
                                .pre(.class("code"), .text("before: \(Audit.json(e.before))\nafter:  \(Audit.json(e.after))")))),
                    ]
                })
        )
    }
}
