import Foundation
import Plot
import VerdictCore

/// The form that adds or edits a tool, with its current panel.
extension Desk {
    /// The create/edit form. `values` are the form's fields (import-entry keys), `facts` the
    /// facts as YAML or JSON text.
    func toolForm(
        slug: String?, values: [String: String], facts: String, problems: [String], retired: Date?,
        takes: [ToolDesk.PanelTake], claims: ClaimLedger? = nil, notice: String? = nil, categories: [String] = []
    ) -> HTML {
        let title = slug.map { "Edit \(values["name"] ?? $0)" } ?? "Add a tool"
        let action = slug.map { SiteURL.admin(.tool($0)).path } ?? SiteURL.admin(.newTool).path
        func field(_ key: String, _ label: String, required: Bool = false, hint: String? = nil) -> Node<HTML.FormContext> {
            .div(
                .class("field"),
                .label(.for("f-\(key)"), .text(label + (required ? "" : " (optional)"))),
                .input(
                    .type(.text), .id("f-\(key)"), .name(key), .value(HTMLEscaping.attribute(values[key] ?? "")),
                    .required(required)),
                .unwrap(hint) { .small(.class("muted"), .text($0)) })
        }
        return document(
            title: title, notice: notice,
            body:
                .h1(.text(title)),
            .unwrap(slug) { s in
                .div(
                    .class("desk-actions"),
                    .a(.href(HTMLEscaping.attribute(SiteURL.tool(s).path)), .text("Public page")),
                    retired == nil
                        ? button("Retire", to: SiteURL.admin(.toolRetire(s)).path, style: "button-secondary")
                        : button("Restore to listings", to: SiteURL.admin(.toolRestore(s)).path),
                    button("Re-run panel", to: SiteURL.admin(.toolPanel(s)).path))
            },
            .if(retired != nil, .p(.class("notice"), .text("Retired \(Desk.date(retired)): not in listings; its page says so."))),
            .if(
                !problems.isEmpty,
                .div(
                    .class("form-error"), .attribute(named: "role", value: "alert"),
                    .p(.text("Nothing was saved. Fix these and save again:")),
                    .ul(.forEach(problems) { .li(.text($0)) }))),
            .form(
                .class("desk-form"), .method(.post), .action(HTMLEscaping.attribute(action)), csrfField(),
                slug == nil
                    ? field("slug", "Slug", required: true, hint: "Lowercase letters, digits and hyphens; used in URLs and cannot change.")
                    : .input(.type(.hidden), .name("slug"), .value(HTMLEscaping.attribute(slug ?? ""))),
                field("name", "Name", required: true),
                field("vendor", "Vendor"),
                categoryField(values["category"] ?? "", known: categories),
                field("tagline", "Tagline"),
                .div(
                    .class("field"),
                    .label(.for("f-description"), .text("Description")),
                    .textarea(
                        .id("f-description"), .name("description"), .attribute(named: "rows", value: "6"),
                        .text(values["description"] ?? ""))),
                .div(
                    .class("field"),
                    .label(.for("f-entry"), .text("Entry tier")),
                    .select(
                        .id("f-entry"), .attribute(named: "name", value: "entry"),
                        .forEach(EntryTier.allCases) { tier in
                            .option(.value(tier.rawValue), .label(tier.displayName), .isSelected(values["entry"] == tier.rawValue))
                        })),
                .div(
                    .class("field"),
                    .label(.for("f-listing"), .text("Listing")),
                    .select(
                        .id("f-listing"), .attribute(named: "name", value: "listing"),
                        .option(.value(""), .label("Editorial (chosen by the editors)"), .isSelected((values["listing"] ?? "").isEmpty)),
                        .forEach(Listing.allCases) { listing in
                            .option(.value(listing.rawValue), .label(listing.label), .isSelected(values["listing"] == listing.rawValue))
                        }),
                    .small(
                        .class("muted"), .text("Vendor-submitted and sponsored tools are labelled as such on every page that shows them."))),
                field("homepage", "Homepage URL"),
                field("source_url", "Source URL", hint: "Where the facts were read."),
                .div(
                    .class("field"),
                    .label(.for("f-facts"), .text("Facts (YAML or JSON; keys as in the methodology)")),
                    .textarea(.id("f-facts"), .name("facts"), .class("code"), .attribute(named: "rows", value: "14"), .text(facts))),
                .button(.type(.submit), .class("button"), .text(slug == nil ? "Add tool" : "Save changes"))
            ),
            .unwrap(slug.flatMap { s in claims.map { (s, $0) } }) { claimChecks(slug: $0.0, ledger: $0.1) },
            .if(
                !takes.isEmpty,
                .section(
                    .h2("Current panel"),
                    Desk.table(
                        ["Persona", "Verdict", "Source", "Take"],
                        takes.map { t in
                            [.td(.text(t.persona)), .td(.text(t.verdict)), .td(.text(t.source)), .td(.text(t.text))]
                        })))
        )
    }

    /// Category: one of the existing ones, or a new one typed on purpose (a typo in a free-text
    /// field would publish a category of one tool).
    func categoryField(_ current: String, known: [String]) -> Node<HTML.FormContext> {
        let choices = (known + (current.isEmpty || known.contains(current) ? [] : [current])).sorted()
        return .div(
            .class("field"),
            .label(.for("f-category"), .text("Category")),
            .select(
                .id("f-category"), .attribute(named: "name", value: "category"),
                .option(.value(""), .label("Choose a category"), .isSelected(current.isEmpty)),
                .forEach(choices) { name in
                    .option(.value(HTMLEscaping.attribute(name)), .label(HTMLEscaping.attribute(name)), .isSelected(name == current))
                }),
            .label(.for("f-new-category"), .text("New category (optional: creates it)")),
            .input(.type(.text), .id("f-new-category"), .name("new_category"), .value("")),
            .small(.class("muted"), .text("Type a name here only to create a category; otherwise choose one above.")))
    }

}
