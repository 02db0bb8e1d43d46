import Foundation
import Plot
import VerdictCore

/// `/search`: the words, the ten filters (a GET form, so it works without JavaScript and every
/// search is a link), and one page of results in the search's order.
struct SearchPage {
    var asked: SearchController.Asked?
    var results: SearchQuery.Results?
    var rows: [SearchQuery.Row] = []
    var problem: String?
    var categories: [ToolModel.CategorySummary]

    init(asked: SearchController.Asked?, problem: String, categories: [ToolModel.CategorySummary]) {
        (self.asked, self.problem, self.categories) = (asked, problem, categories)
    }

    init(asked: SearchController.Asked, results: SearchQuery.Results, rows: [SearchQuery.Row], categories: [ToolModel.CategorySummary]) {
        (self.asked, self.results, self.rows, self.categories) = (asked, results, rows, categories)
    }

    var filters: SearchFilters { asked?.filters ?? SearchFilters() }
    var page: Int { asked?.page ?? 1 }

    func document() -> HTML {
        let title = filters.query.isEmpty ? "Search" : "Search: \(filters.query)"
        return Layout.document(
            title: title,
            description: "Find AI tools by name, vendor, what they do and what the panel says, filtered by price, licence and verdict.",
            canonical: SiteURL.search(filters, page: page).path,
            body: .header(.class("page-intro"), .h1(.text(title))),
            form(),
            .unwrap(problem) { .p(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .unwrap(results) { answer($0) }
        )
    }

    func answer(_ results: SearchQuery.Results) -> Node<HTML.BodyContext> {
        return .group(
            .if(
                !results.match.corrected.isEmpty,
                .p(
                    .class("notice"),
                    .text(
                        "No indexed word begins with "
                            + results.match.corrected.keys.sorted().map { "“\($0)”" }.joined(separator: ", ")
                            + "; showing results for "
                            + results.match.corrected.keys.sorted().map { (results.match.corrected[$0] ?? []).joined(separator: " or ") }
                            .joined(separator: ", ") + "."))),
            .if(
                rows.isEmpty,
                .p(.text(page > 1 ? "No more results." : "Nothing matches. Try fewer words or filters.")),
                else: .ol(
                    .class("tool-list search-results"),
                    .attribute(named: "start", value: "\((page - 1) * SearchQuery.pageSize + 1)"),
                    .forEach(rows) { row($0) })),
            .nav(
                .class("pager"), .attribute(named: "aria-label", value: "Pages"),
                .if(
                    page > 1,
                    .a(.href(SiteURL.search(filters, page: page - 1)), .attribute(named: "rel", value: "prev"), .text("← Previous"))),
                .if(
                    results.more && page < SearchQuery.maxPage,
                    .a(.href(SiteURL.search(filters, page: page + 1)), .attribute(named: "rel", value: "next"), .text(" Next →"))))
        )
    }

    func row(_ s: SearchQuery.Row) -> Node<HTML.ListContext> {
        let hit = s.hit
        let price = hit.inputPrice.map { amount in
            hit.priceUnit.map { "$\(Self.amount(amount)) \($0.displayName)" } ?? (amount == 0 ? "Free" : "$\(Self.amount(amount))")
        }
        return .li(
            .class("tool-row"),
            .a(.href(SiteURL.tool(s.slug)), .text(s.name)),
            .span(.class("muted"), .text(" · ")),
            .a(.class("muted"), .href(SiteURL.category(s.categorySlug)), .text(s.category)),
            .span(.class("tool-row-score"), .text("Panel ship \(s.panel.label) · Community \(s.community.label)")),
            .unwrap(s.tagline) { .p(.class("search-tagline"), .text($0)) },
            .p(
                .class("muted search-meta"),
                .text([hit.place.map { "Found in the \($0)" }, price].compactMap { $0 }.joined(separator: " · "))))
    }

    static func amount(_ value: Double) -> String {
        Decimal(string: String(format: "%.10f", value), locale: Locale(identifier: "en_US_POSIX")).map { "\($0)" } ?? "\(value)"
    }

    func form() -> Node<HTML.BodyContext> {
        let f = filters
        return .form(
            .class("search-form"), .method(.get), .action(HTMLEscaping.attribute(SiteURL.search(SearchFilters(), page: 1).path)),
            .div(
                .class("search-words"),
                .label(.for("search-q"), .text("Words")),
                .input(
                    .id("search-q"), .name("q"), .attribute(named: "type", value: "search"), .value(HTMLEscaping.attribute(f.query)),
                    .attribute(named: "maxlength", value: "\(SearchText.maxQueryLength)"),
                    .attribute(named: "placeholder", value: "a name, a vendor, what it does")),
                .button(.type(.submit), .class("button"), .text("Search"))),
            // Folded on a first visit (the results come first on a phone), open once a filter is set.
            .element(
                named: "details",
                nodes: [
                    .class("search-filters-box"), f.parameters.contains { $0.name != "q" } ? .attribute(named: "open") : .empty,
                    .element(named: "summary", text: "Filters"),
                    .div(
                        .class("search-filters"),
                        Self.choice("category", "Category", categories.map { ($0.slug, $0.name) }, f.category),
                        Self.choice("entry", "Entry price", EntryTier.allCases.map { ($0.rawValue, $0.displayName) }, f.entry?.rawValue),
                        Self.choice(
                            "open_weights", "Open weights", [("true", "Yes"), ("false", "No")], f.openWeights.map { $0 ? "true" : "false" }),
                        Self.field("license", "Licence", f.license, hint: "apache-2.0"),
                        Self.choice("modality", "Modality (in or out)", Self.modalities.map { ($0, $0.capitalized) }, f.modality),
                        Self.field("min_context", "Context window at least (tokens)", f.minContext.map(String.init), type: "number"),
                        Self.field(
                            "max_input_price", "Price at most (USD per 1M input tokens, second, image…)", f.maxInputPrice.map { "\($0)" },
                            hint: "0.5"),
                        Self.choice(
                            "verdict", "Panel verdict", SearchFilters.Verdict.allCases.map { ($0.rawValue, $0.rawValue.capitalized) },
                            f.verdict?.rawValue),
                        Self.field("min_community", "Community ship at least (%)", f.minCommunity.map(String.init), type: "number"),
                        Self.field("released_after", "Launched after (YYYY-MM)", f.releasedAfter, hint: "2025-01"),
                        .button(.type(.submit), .class("button"), .text("Apply filters"))),
                ])
        )
    }

    static let modalities = ["text", "image", "audio", "video", "code"]

    static func field(_ name: String, _ label: String, _ value: String?, type: String = "text", hint: String? = nil) -> Node<
        HTML.BodyContext
    > {
        .div(
            .class("search-field"),
            .label(.for("search-\(name)"), .text(label)),
            .input(
                .id("search-\(name)"), .name(name), .attribute(named: "type", value: type), .value(HTMLEscaping.attribute(value ?? "")),
                .unwrap(hint) { .attribute(named: "placeholder", value: HTMLEscaping.attribute($0)) }))
    }

    static func choice(_ name: String, _ label: String, _ options: [(String, String)], _ current: String?) -> Node<HTML.BodyContext> {
        .div(
            .class("search-field"),
            .label(.for("search-\(name)"), .text(label)),
            .select(
                .id("search-\(name)"), .attribute(named: "name", value: name),
                .option(.value(""), .label("Any")),
                .forEach(options) { value, text in
                    .option(.value(HTMLEscaping.attribute(value)), .label(HTMLEscaping.attribute(text)), .isSelected(value == current))
                }))
    }
}
