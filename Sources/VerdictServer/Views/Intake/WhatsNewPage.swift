import Foundation
import Plot
import VerdictCore

/// `/new`: tools added and prices, statuses and verdicts changed, newest day first, with a
/// category filter and pages.
struct WhatsNewPage {
    let rows: [CatalogEvents.Row]
    /// Each day's count per kind, of which `rows` may show only a page.
    let counts: [String: [String: Int]]
    let categories: [ToolModel.CategorySummary]
    let category: String?
    /// Where the next page starts (the time of the last row shown), when there is one.
    let next: Date?

    func document() -> HTML {
        let days = Dictionary(grouping: rows, by: \.day).sorted { $0.key > $1.key }
        let name = categories.first { $0.slug == category }?.name
        return Layout.document(
            title: name.map { "What's new in \($0)" } ?? "What's new",
            description: "New AI tools in the catalog, and verdicts, prices and statuses that changed, by day.",
            canonical: SiteURL.whatsNew(category: category).path,
            body:
                .h1(.text(name.map { "What's new in \($0)" } ?? "What's new")),
            .p(
                .class("muted"),
                .text("Tools added to the catalog, and prices, statuses and verdicts that changed, newest first. "),
                .a(.href(SiteURL.suggest.path), .text("Suggest a tool →"))),
            .form(
                .class("filter-form"), .method(.get), .action(SiteURL.whatsNew(category: nil)),
                .label(.for("new-category"), .text("Category ")),
                .select(
                    .id("new-category"), .attribute(named: "name", value: "category"),
                    .option(.value(""), .label("All categories"), .isSelected(category == nil)),
                    .forEach(categories) { c in
                        .option(
                            .value(HTMLEscaping.attribute(c.slug)), .label(HTMLEscaping.attribute(c.name)), .isSelected(c.slug == category))
                    }),
                .text(" "),
                .button(.type(.submit), .text("Show"))),
            .if(rows.isEmpty, .p(.text("Nothing has changed yet\(name.map { " in \($0)" } ?? "")."))),
            .forEach(days) { day, events in
                .section(
                    .class("section new-day"),
                    .h2(.text(day)),
                    .forEach(CatalogEvents.Kind.allCases) { kind in
                        let ofKind = events.filter { $0.kind == kind.rawValue }
                        let total = max(counts[day]?[kind.rawValue] ?? 0, ofKind.count)
                        return .if(
                            !ofKind.isEmpty,
                            .group(
                                .h3(.text("\(kind.title) (\(total.formatted()))")),
                                .if(
                                    total > ofKind.count,
                                    .p(
                                        .class("muted"),
                                        .text("The latest \(ofKind.count) on this page; older ones follow on the next pages."))),
                                .ul(.class("new-list"), .forEach(ofKind.prefix(200)) { event in item(event, kind: kind) })))
                    })
            },
            .unwrap(next) { date in
                .p(.a(.href(HTMLEscaping.attribute(nextHref(date))), .text("Older changes →")))
            }
        )
    }

    private func item(_ event: CatalogEvents.Row, kind: CatalogEvents.Kind) -> Node<HTML.ListContext> {
        .li(
            .unwrap(event.slug, { slug in .a(.href(SiteURL.tool(slug)), .text(event.name ?? slug)) }, else: .text("A removed tool")),
            Components.listingLabel(event.listing.flatMap(Listing.init(rawValue:))),
            .if(kind != .added, .text(": \(event.text)")))
    }

    private func nextHref(_ date: Date) -> String {
        var href = SiteURL.whatsNew(category: category).path
        href += (href.contains("?") ? "&" : "?") + "before=\(date.timeIntervalSince1970)"
        return href
    }
}
