import Plot
import VerdictCore

extension Home {
    /// The id of the tools-by-category section, which the site nav links to.
    static let categoriesID = "categories"

    struct View {
        let model: Model

        func document() -> HTML {
            let first = model.paging.page == 1
            return Layout.document(
                title: first ? "Verdict" : "Tools by category, page \(model.paging.page)",
                description: "Ship or skip? Panel verdicts, community votes and side-by-side comparisons of AI tools.",
                canonical: SiteURL.homePage(model.paging.page).path,
                body:
                    hero(),
                comparisons(
                    "Featured comparisons", id: "featured", model.featured.map { .raw($0) },
                    empty: "Featured comparisons appear once a category has two tools."),
                .if(
                    first,
                    comparisons(
                        "Recent comparisons", id: "recent", model.recent.map(Components.comparisonTeaser),
                        empty: "No recent comparisons yet.")),
                intake(),
                categories(),
                Components.newsletterBox()
            )
        }

        /// The latest day's intake: counts by kind and the tools added, linking to `/new`.
        func intake() -> Node<HTML.BodyContext> {
            guard let day = model.intake.first?.day else { return .empty }
            let added = model.intake.filter { $0.kind == CatalogEvents.Kind.added.rawValue }
            let counts = CatalogEvents.Kind.allCases.compactMap { kind -> String? in
                let n = model.intake.filter { $0.kind == kind.rawValue }.count
                return n == 0 ? nil : "\(kind.title.lowercased()): \(n)"
            }
            return .section(
                .class("section"), .id("intake"),
                .h2(.text("Latest intake · \(day)")),
                .p(.text(counts.joined(separator: " · ").prefix(1).uppercased() + counts.joined(separator: " · ").dropFirst() + ".")),
                .if(
                    !added.isEmpty,
                    .ul(
                        .class("new-list"),
                        .forEach(added.prefix(8)) { row in
                            .li(
                                .unwrap(row.slug, { .a(.href(SiteURL.tool($0)), .text(row.name ?? $0)) }, else: .text(row.text)),
                                Components.listingLabel(row.listing.flatMap(Listing.init(rawValue:))))
                        })),
                .p(
                    .a(.href(SiteURL.whatsNew(category: nil)), .text("Everything that changed →")), .text(" · "),
                    .a(.href(SiteURL.suggest), .text("Suggest a tool")))
            )
        }

        func hero() -> Node<HTML.BodyContext> {
            .section(
                .class("hero"),
                .h1(.text("Which AI tool should you ship with?")),
                .p(
                    .class("lead"),
                    .text(
                        "Four reviewer personas and a community vote give every tool a ship or skip verdict, "
                            + "and every pair a side-by-side comparison.")),
                Components.demoNotice(toolCount: model.toolCount)
            )
        }

        func comparisons(
            _ title: String, id: String, _ teasers: [Node<HTML.BodyContext>], empty: String
        ) -> Node<HTML.BodyContext> {
            .section(
                .id(id),
                .class("section"),
                .h2(.text(title)),
                .if(
                    teasers.isEmpty,
                    .p(.class("muted"), .text(empty)),
                    else: .div(.class("grid"), .group(teasers)))
            )
        }

        /// One page of categories, the largest first, with the way to the rest.
        func categories() -> Node<HTML.BodyContext> {
            let paging = model.paging
            return .section(
                .id(Home.categoriesID),
                .class("section"),
                .h2(.text("Tools by category")),
                .if(
                    model.categories.isEmpty,
                    .p(.class("muted"), .text("No tools in the catalog yet.")),
                    else: .div(.class("grid category-grid"), .forEach(model.categories) { .raw($0) })),
                Components.pager(paging, label: "Pages of categories") { SiteURL.homePage($0).path + "#\(Home.categoriesID)" },
                .if(
                    paging.pageCount > 1,
                    .p(
                        .class("card-more"),
                        .a(.href(SiteURL.categories), .text("All \(paging.total) categories, A–Z →"))))
            )
        }

        /// A category's card: its best-ranked few and a link to its ranking.
        static func category(_ group: CategoryGroup) -> Node<HTML.BodyContext> {
            .article(
                .class("card category-card"),
                .h3(.a(.href(SiteURL.category(group.slug)), .text(group.name))),
                .ul(.class("tool-list"), .forEach(group.tools, Components.toolRow)),
                .p(
                    .class("card-more"),
                    .a(
                        .href(SiteURL.category(group.slug)),
                        .text("Ranking of \(group.count) \(group.count == 1 ? "tool" : "tools") →")))
            )
        }
    }
}
