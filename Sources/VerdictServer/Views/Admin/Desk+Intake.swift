import Foundation
import Plot
import VerdictCore

/// The intake queue (suggestions, vendor submissions, editors' URLs) and the dataset sources.
extension Desk {
    func intake(
        pending: [IntakeQueue.Entry], decided: [IntakeQueue.Entry], categories: [String], notice: String? = nil, problem: String? = nil
    )
        -> HTML
    {
        document(
            title: "Intake", notice: notice,
            body:
                .h1(.text("Intake queue")),
            .p(
                .class("muted"),
                .text(
                    "Tools suggested by readers or submitted by vendors wait here. Accept publishes the tool (the panel runs); merge records that the catalog already lists it; reject drops it. Vendor submissions are labelled as such on every page."
                )),
            .unwrap(problem) { .div(.class("form-error"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
            .section(
                .class("section"),
                .h2(.text("Add from URL")),
                .form(
                    .class("desk-form"), .method(.post), .action(SiteURL.admin(.intake)), csrfField(),
                    .div(
                        .class("field"), .label(.for("add-url"), .text("Address")),
                        .input(.type(.url), .id("add-url"), .name("url"), .required(true), .placeholder("https://"))),
                    .div(
                        .class("field"), .label(.for("add-name"), .text("Name (optional: read from the page's title)")),
                        .input(.type(.text), .id("add-name"), .name("name"))),
                    categorySelect(id: "add-category", categories: categories),
                    .button(.type(.submit), .text("Add to the queue")))),
            .section(
                .class("section"),
                .h2(.text("Waiting (\(pending.count))")),
                .if(pending.isEmpty, .p(.text("Nothing is waiting."))),
                .forEach(pending) { entry in pendingEntry(entry, categories: categories) }),
            .section(
                .class("section"),
                .h2(.text("Recently decided")),
                Desk.table(
                    ["Name", "Kind", "Decision", "By", "When"],
                    decided.map { e in
                        [
                            .td(.text(e.name)), .td(.text(e.vendor_submitted ? "vendor" : e.kind)), .td(.text(e.status)),
                            .td(.text(e.decided_by ?? "")), .td(.text(Desk.date(e.decided_at))),
                        ]
                    }))
        )
    }

    private func categorySelect(id: String, categories: [String]) -> Node<HTML.FormContext> {
        .div(
            .class("field"),
            .label(.for(id), .text("Category")),
            .select(
                .id(id), .attribute(named: "name", value: "category"),
                .forEach(categories) { name in .option(.value(HTMLEscaping.attribute(name)), .label(HTMLEscaping.attribute(name))) }),
            .label(
                .text("or a new category, created on purpose: "),
                .input(.type(.text), .name("new_category"), .placeholder("New category name"))))
    }

    private func pendingEntry(_ entry: IntakeQueue.Entry, categories: [String]) -> Node<HTML.BodyContext> {
        let action = SiteURL.admin(.intakeDecide(entry.id.uuidString))
        return .article(
            .class("card intake-entry"),
            .h3(.text(entry.name), .if(entry.vendor_submitted, Components.listingLabel(.vendorSubmitted))),
            .p(
                .class("muted"),
                .text(
                    "\(entry.kind == "dataset" ? "New from a dataset sync, held unlisted" : entry.kind == "editor" ? "Added by an editor" : entry.vendor_submitted ? "Submitted by the vendor" : "Suggested by a reader") on \(Desk.date(entry.created_at)) · category: \(entry.category) · "
                ),
                .unwrap(
                    HTMLEscaping.externalURL(entry.url), { .a(.href($0), .rel("nofollow noopener noreferrer"), .text(entry.url)) },
                    else: .text(entry.url))),
            .p(.text(entry.reason)),
            .if(
                entry.kind == "dataset",
                .form(
                    .class("inline-form"), .method(.post), .action(action), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("accept")),
                    .button(.type(.submit), .text("Publish")))),
            .if(
                entry.kind == "dataset", .empty,
                else: .form(
                    .class("desk-form intake-accept"), .method(.post), .action(action), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("accept")),
                    .div(
                        .class("field"), .label(.for("slug-\(entry.id)"), .text("Slug")),
                        .input(.type(.text), .id("slug-\(entry.id)"), .name("slug"), .value(HTMLEscaping.attribute(Slug.make(entry.name))))),
                    categorySelect(
                        id: "category-\(entry.id)",
                        categories: categories.contains(entry.category)
                            ? [entry.category] + categories.filter { $0 != entry.category } : categories),
                    .button(.type(.submit), .text("Accept and run the panel")))),
            .form(
                .class("inline-form"), .method(.post), .action(action), csrfField(),
                .input(.type(.hidden), .name("action"), .value("merge")),
                .label(.text("Already listed as "), .input(.type(.text), .name("into"), .placeholder("tool slug"), .required(true))),
                .button(.type(.submit), .class("button-secondary"), .text("Merge"))),
            .form(
                .class("inline-form"), .method(.post), .action(action), csrfField(),
                .input(.type(.hidden), .name("action"), .value("reject")),
                .button(.type(.submit), .class("button-secondary"), .text("Reject")))
        )
    }

    /// The configured dataset sources with their last sync, and the tools whose sources disagree.
    func sources(
        configured: [SourceList.Source], states: [SourceSyncState],
        disagreements: [(slug: String, name: String, items: [SourceDisagreement])]
    ) -> HTML {
        document(
            title: "Sources",
            body:
                .h1(.text("Dataset sources")),
            .p(
                .class("muted"),
                .text("Set with VERDICT_SOURCES; synced by `verdict serve` every VERDICT_SYNC_HOURS hours, or now with `verdict sync`.")),
            .if(configured.isEmpty, .p(.text("No sources are configured."))),
            Desk.table(
                ["Source", "Location", "Last attempt", "Last success", "Last change", "State"],
                (configured.map(\.name) + states.map(\.name).filter { name in !configured.contains { $0.name == name } }).map { name in
                    let state = states.first { $0.name == name }
                    let location = configured.first { $0.name == name }.map { "\($0.location)" } ?? state?.location ?? ""
                    return [
                        .td(.text(name)), .td(.text(location)), .td(.text(Desk.date(state?.attempted_at))),
                        .td(.text(Desk.date(state?.succeeded_at))), .td(.text(state?.diff ?? "—")),
                        .td(
                            .if(
                                state?.isFailing == true,
                                .strong(.class("source-failing"), .text("FAILING: \(state?.error ?? "")")),
                                else: .text(state == nil ? "never synced" : "ok"))),
                    ]
                }),
            .section(
                .class("section"),
                .h2(.text("Where the sources disagree (\(disagreements.count) tools)")),
                .if(disagreements.isEmpty, .p(.text("No disagreements between datasets."))),
                .ul(
                    .forEach(disagreements) { tool in
                        .li(
                            .a(.href(SiteURL.tool(tool.slug)), .text(tool.name)),
                            .ul(.forEach(tool.items) { .li(.text($0.line)) }))
                    }))
        )
    }
}
