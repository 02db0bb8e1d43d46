import Plot
import VerdictCore

/// The index pages: every tool A–Z, every category, and comparisons worth reading.
enum IndexPages {
    static func tools(_ standings: [ToolStanding], after: String?, next: String?) -> HTML {
        Layout.document(
            title: "Every tool, A–Z",
            description: "Every AI tool Verdict lists, A–Z by slug, with its panel and community verdicts.",
            canonical: SiteURL.tools(after: after).path,
            body:
                .header(
                    .class("page-intro"), .h1(.text("Every tool, A–Z")),
                    .p(
                        .class("lead"),
                        .text(
                            "Listed tools in slug order, \(IndexController.toolsPerPage) a page. Categories rank them; this list only finds them."
                        ))),
            .if(
                standings.isEmpty,
                .p(.text(after == nil ? "No tools are listed yet." : "No tools after '\(after ?? "")'.")),
                else: .ul(
                    .class("tool-list"),
                    .forEach(standings) { s in
                        .li(
                            .class("tool-row"),
                            .a(.href(SiteURL.tool(s.tool.slug)), .text(s.tool.name)),
                            Components.listingLabel(s.tool.listing),
                            .span(.class("muted"), .text(" · ")),
                            .a(.class("muted"), .href(SiteURL.category(s.tool.categorySlug)), .text(s.tool.category)),
                            .span(.class("tool-row-score"), .text("Panel ship \(s.panel.label) · Community \(s.community.label)")))
                    })),
            .nav(
                .class("pager"), .attribute(named: "aria-label", value: "Pages"),
                .if(after != nil, .a(.href(SiteURL.tools(after: nil)), .text("← First page"))),
                .unwrap(next) { slug in .a(.href(SiteURL.tools(after: slug)), .attribute(named: "rel", value: "next"), .text(" Next →")) })
        )
    }

    static func categories(_ summaries: [ToolModel.CategorySummary]) -> HTML {
        Layout.document(
            title: "Categories",
            description: "Every category of AI tools Verdict reviews, with how many tools each lists.",
            canonical: SiteURL.categories.path,
            body:
                .header(.class("page-intro"), .h1(.text("Categories"))),
            .if(
                summaries.isEmpty,
                .p(.text("No tools are listed yet.")),
                else: .ul(
                    .class("tool-list"),
                    .forEach(summaries) { c in
                        .li(
                            .class("tool-row"),
                            .a(.href(SiteURL.category(c.slug)), .text(c.name)),
                            .span(.class("tool-row-score"), .text(c.count == 1 ? "1 tool" : "\(c.count) tools")),
                            .text(" "),
                            .a(.class("muted"), .href(SiteURL.leaderboard(category: c.slug)), .text("leaderboard")))
                    }))
        )
    }

    static func comparisons(_ groups: [(ToolModel.CategorySummary, [ComparisonTeaser])], paging: Paging) -> HTML {
        Layout.document(
            title: "Comparisons worth reading",
            description: "Each category's leading tools against each other: which one should you ship with?",
            canonical: SiteURL.comparisons(page: paging.page).path,
            body:
                .header(
                    .class("page-intro"), .h1(.text("Comparisons worth reading")),
                    .p(
                        .class("lead"),
                        .text(
                            "Each category's three leading tools against each other. Any two tools of one category can be compared at /compare/a-vs-b."
                        ))),
            .if(groups.isEmpty, .p(.text("No category has two listed tools yet."))),
            .forEach(groups) { summary, teasers in
                .section(
                    .class("section"),
                    .h2(.a(.href(SiteURL.category(summary.slug)), .text(summary.name))),
                    .div(.class("grid"), .forEach(teasers) { Components.comparisonTeaser($0) }))
            },
            Components.pager(paging, label: "Pages of comparisons") { SiteURL.comparisons(page: $0).path }
        )
    }
}
