import Foundation
import Plot
import VerdictCore

/// The desk's pages. Every value from the database is text to Plot (escaped) or passes through
/// `HTMLEscaping.attribute` in attributes.
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
                    .p(.text(c.moderation
                        ? "On: takes written by a model wait in the moderation queue until an editor approves them."
                        : "Off: takes written by a model are published as soon as they pass validation.")),
                    .if(role == .admin, .form(
                        .method(.post), .action(SiteURL.admin(.settings).path), csrfField(),
                        .input(.type(.hidden), .name("moderate_llm_takes"), .value(c.moderation ? "0" : "1")),
                        .button(.type(.submit), .class("button"), .text(c.moderation ? "Publish model takes directly" : "Hold model takes for review"))
                    ), else: .p(.class("muted"), .text("Only admins can change this.")))
                )
        )
    }

    func tools(_ rows: [ToolModel]) -> HTML {
        document(
            title: "Tools",
            body:
                .h1("Tools"),
                .p(.a(.class("button"), .href(SiteURL.admin(.newTool).path), .text("Add a tool"))),
                Desk.table(["Tool", "Category", "Entry", "Status"], rows.map { t in
                    [
                        .td(.a(.href(HTMLEscaping.attribute(SiteURL.admin(.tool(t.slug)).path)), .text(t.name)),
                            .br(), .code(.text(t.slug))),
                        .td(.text(t.category)),
                        .td(.text(t.entry)),
                        .td(.text(t.retiredAt == nil ? "listed" : "retired \(Desk.date(t.retiredAt))")),
                    ]
                })
        )
    }

    /// The create/edit form. `values` are the form's fields (import-entry keys), `facts` the
    /// facts as YAML or JSON text.
    func toolForm(
        slug: String?, values: [String: String], facts: String, problems: [String], retired: Date?,
        takes: [(persona: String, verdict: String, source: String, text: String)], notice: String? = nil
    ) -> HTML {
        let title = slug.map { "Edit \(values["name"] ?? $0)" } ?? "Add a tool"
        let action = slug.map { SiteURL.admin(.tool($0)).path } ?? SiteURL.admin(.newTool).path
        func field(_ key: String, _ label: String, required: Bool = false, hint: String? = nil) -> Node<HTML.FormContext> {
            .div(.class("field"),
                 .label(.for("f-\(key)"), .text(label + (required ? "" : " (optional)"))),
                 .input(.type(.text), .id("f-\(key)"), .name(key), .value(HTMLEscaping.attribute(values[key] ?? "")),
                        .required(required)),
                 .unwrap(hint) { .small(.class("muted"), .text($0)) })
        }
        return document(
            title: title, notice: notice,
            body:
                .h1(.text(title)),
                .unwrap(slug) { s in
                    .div(.class("desk-actions"),
                         .a(.href(HTMLEscaping.attribute(SiteURL.tool(s).path)), .text("Public page")),
                         retired == nil ? button("Retire", to: SiteURL.admin(.toolRetire(s)).path, style: "button-secondary")
                                        : button("Restore to listings", to: SiteURL.admin(.toolRestore(s)).path),
                         button("Re-run panel", to: SiteURL.admin(.toolPanel(s)).path))
                },
                .if(retired != nil, .p(.class("notice"), .text("Retired \(Desk.date(retired)): not in listings; its page says so."))),
                .if(!problems.isEmpty, .div(
                    .class("form-error"), .attribute(named: "role", value: "alert"),
                    .p(.text("Nothing was saved. Fix these and save again:")),
                    .ul(.forEach(problems) { .li(.text($0)) }))),
                .form(
                    .class("desk-form"), .method(.post), .action(HTMLEscaping.attribute(action)), csrfField(),
                    slug == nil ? field("slug", "Slug", required: true, hint: "Lowercase letters, digits and hyphens; used in URLs and cannot change.")
                                : .input(.type(.hidden), .name("slug"), .value(HTMLEscaping.attribute(slug ?? ""))),
                    field("name", "Name", required: true),
                    field("vendor", "Vendor"),
                    field("category", "Category", required: true),
                    field("tagline", "Tagline"),
                    .div(.class("field"),
                         .label(.for("f-description"), .text("Description")),
                         .textarea(.id("f-description"), .name("description"), .attribute(named: "rows", value: "6"), .text(values["description"] ?? ""))),
                    .div(.class("field"),
                         .label(.for("f-entry"), .text("Entry tier")),
                         .select(.id("f-entry"), .attribute(named: "name", value: "entry"), .forEach(EntryTier.allCases) { tier in
                             .option(.value(tier.rawValue), .label(tier.displayName), .isSelected(values["entry"] == tier.rawValue))
                         })),
                    field("homepage", "Homepage URL"),
                    field("source_url", "Source URL", hint: "Where the facts were read."),
                    .div(.class("field"),
                         .label(.for("f-facts"), .text("Facts (YAML or JSON; keys as in the methodology)")),
                         .textarea(.id("f-facts"), .name("facts"), .class("code"), .attribute(named: "rows", value: "14"), .text(facts))),
                    .button(.type(.submit), .class("button"), .text(slug == nil ? "Add tool" : "Save changes"))
                ),
                .if(!takes.isEmpty, .section(
                    .h2("Current panel"),
                    Desk.table(["Persona", "Verdict", "Source", "Take"], takes.map { t in
                        [.td(.text(t.persona)), .td(.text(t.verdict)), .td(.text(t.source)), .td(.text(t.text))]
                    })))
        )
    }

    func moderation(pending: [AdminDTO.Review], decided: [AdminDTO.Review], enabled: Bool, notice: String?) -> HTML {
        document(
            title: "Moderation", notice: notice,
            body:
                .h1("Moderation of model takes"),
                .p(.class("lead"), .text(enabled
                    ? "Model-written takes wait here until an editor approves (as written or edited) or rejects them."
                    : "Moderation is off: model takes are published directly. Anything still queued can be decided here.")),
                pending.isEmpty ? .p(.text("Nothing is waiting.")) : .group(pending.map { r in
                    .article(
                        .class("card review"),
                        .h2(.a(.href(HTMLEscaping.attribute(SiteURL.admin(.tool(r.tool)).path)), .text(r.tool)), .text(" · \(r.persona)")),
                        .p(.strong(.text(r.verdict)), .text(" (\(r.conviction))"),
                           .unwrap(r.flip) { .text(" · would flip if: \($0)") },
                           .text(" · \(r.model ?? "model") · \(Desk.date(r.createdAt))")),
                        .form(
                            .method(.post), .action(HTMLEscaping.attribute(SiteURL.admin(.takeApprove(r.id.uuidString)).path)), csrfField(),
                            .label(.for("t-\(r.id.uuidString)"), .text("Take (edit before approving if needed; the model's words are kept)")),
                            .textarea(.id("t-\(r.id.uuidString)"), .name("text"), .attribute(named: "rows", value: "5"), .text(r.text)),
                            .button(.type(.submit), .class("button"), .text("Approve"))
                        ),
                        button("Reject", to: SiteURL.admin(.takeReject(r.id.uuidString)).path, style: "button-secondary")
                    )
                }),
                .if(!decided.isEmpty, .section(
                    .h2("Recently decided"),
                    Desk.table(["Tool", "Persona", "Decision", "By", "Take"], decided.map { r in
                        [.td(.text(r.tool)), .td(.text(r.persona)),
                         .td(.text(r.status + (r.originalText == nil ? "" : " (edited)"))),
                         .td(.text(r.decidedBy ?? "—")), .td(.text(r.text))]
                    })))
        )
    }

    func importPage(result: String? = nil, problems: [String] = []) -> HTML {
        document(
            title: "Import",
            body:
                .h1("Import a catalog file"),
                .p(.class("lead"), .text("The same file and the same checks as `verdict import`: every problem is listed, and nothing is written unless the whole file is valid.")),
                .unwrap(result) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .if(!problems.isEmpty, .div(
                    .class("form-error"), .attribute(named: "role", value: "alert"),
                    .p(.text("Nothing was written:")), .ul(.forEach(problems) { .li(.text($0)) }))),
                .form(
                    .class("desk-form"), .method(.post), .action(SiteURL.admin(.importCatalog).path),
                    .attribute(named: "enctype", value: "multipart/form-data"), csrfField(),
                    .div(.class("field"), .label(.for("i-file"), .text("YAML or JSON file")),
                         .input(.type(.file), .id("i-file"), .name("file"), .attribute(named: "accept", value: ".yaml,.yml,.json"))),
                    .div(.class("field"), .label(.for("i-text"), .text("…or paste the file's text")),
                         .textarea(.id("i-text"), .name("text"), .class("code"), .attribute(named: "rows", value: "10"))),
                    .div(.class("field"), .label(.input(.type(.checkbox), .name("check"), .value("1")), .text(" Check only; write nothing"))),
                    .button(.type(.submit), .class("button"), .text("Import"))
                )
        )
    }

    func subscribers(counts: [String: Int], rows: [AdminDTO.Subscriber], offset: Int, more: Bool) -> HTML {
        document(
            title: "Subscribers",
            body:
                .h1("Subscribers"),
                .p(.text(counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: " · "))),
                Desk.table(["Email", "State", "Signed up", "Confirmed"], rows.map { s in
                    [.td(.text(s.email)), .td(.text(s.status)), .td(.text(Desk.date(s.createdAt))), .td(.text(Desk.date(s.confirmedAt)))]
                }),
                .if(more, .p(.a(.href("\(SiteURL.admin(.subscribers).path)?offset=\(offset + rows.count)"), .text("Next page"))))
        )
    }

    func sends(_ issues: [AdminDTO.Send]) -> HTML {
        document(
            title: "Sends",
            body:
                .h1("Newsletter sends"),
                issues.isEmpty ? .p(.text("No issue composed yet; `verdict newsletter compose` makes one."))
                    : Desk.table(["Week", "Subject", "Composed", "Sent", "Pending", "Failed"], issues.map { i in
                        [.td(.text(i.week)), .td(.text(i.subject)), .td(.text(Desk.date(i.createdAt))),
                         .td(.text("\(i.sent)")), .td(.text("\(i.pending)")), .td(.text("\(i.failed)"))]
                    })
        )
    }

    func audit(_ entries: [AdminDTO.AuditEntry], filters: [String: String]) -> HTML {
        document(
            title: "Audit log",
            body:
                .h1("Audit log"),
                .p(.class("lead"), .text("Every change made by a person or a job, newest first. Also at /api/v1/admin/audit.")),
                .form(
                    .class("desk-filters"), .method(.get), .action(SiteURL.admin(.audit).path),
                    .forEach(["actor", "action", "subject"]) { key in
                        .div(.class("field"), .label(.for("a-\(key)"), .text(key.capitalized)),
                             .input(.type(.text), .id("a-\(key)"), .name(key), .value(HTMLEscaping.attribute(filters[key] ?? ""))))
                    },
                    .button(.type(.submit), .class("button"), .text("Filter"))
                ),
                Desk.table(["When", "Who", "What", "Subject", "Before → after"], entries.map { e in
                    [.td(.text(Desk.date(e.at))), .td(.text(e.actor)), .td(.code(.text(e.action))), .td(.text(e.subject)),
                     .td(.details(.summary(.text("show")),
                                  .pre(.class("code"), .text("before: \(Audit.json(e.before))\nafter:  \(Audit.json(e.after))"))))]
                })
        )
    }
}
