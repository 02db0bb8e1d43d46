import Plot
import VerdictCore

extension CategoryShow {
    struct View {
        let model: Model

        func document() -> HTML {
            Layout.document(
                title: "\(model.name): AI tools ranked",
                description: "\(model.name) AI tools ranked by panel ship, then community vote.",
                canonical: pageHref(model.paging.page),
                body:
                    intro(),
                ranking(),
                pages(),
                otherCategories()
            )
        }

        func intro() -> Node<HTML.BodyContext> {
            .header(
                .class("page-intro"),
                .p(.class("eyebrow"), .text("Category")),
                .h1(.text(model.name)),
                .p(
                    .class("lead"),
                    .text(
                        "\(count(model.paging.total)), ranked by panel ship, then community, then the rubric's standing (see the methodology); “=” marks a tie."
                    )),
                topPair()
            )
        }

        /// The obvious next question on a ranking: how do the top two compare?
        func topPair() -> Node<HTML.BodyContext> {
            guard model.paging.page == 1, model.ranked.count >= 2 else { return .empty }
            let (first, second) = (model.ranked[0].tool, model.ranked[1].tool)
            return .p(
                .a(
                    .href(SiteURL.compare(first.slug, second.slug)),
                    .text("Compare the top two: \(first.name) vs \(second.name) →")))
        }

        func ranking() -> Node<HTML.BodyContext> {
            guard !model.ranked.isEmpty else {
                return .p(.class("muted"), .text("No tools in this category yet."))
            }
            return .ol(
                .class("ranking"),
                .forEach(model.ranked.enumerated()) { index, standing in
                    let place =
                        index < model.places.count
                        ? model.places[index] : ToolModel.Place(place: model.paging.offset + index + 1, tied: false, standing: 0)
                    return .li(
                        .class("ranking-item"),
                        .span(
                            .class("rank"),
                            .attribute(named: "aria-label", value: place.tied ? "Tied at rank \(place.place)" : "Rank \(place.place)"),
                            .text(place.tied ? "=\(place.place)" : "\(place.place)")),
                        Components.toolCard(standing, heading: .h2, showCategory: false),
                        .p(.class("muted rank-standing"), .text("Rubric standing \(String(format: "%.3f", place.standing))"))
                    )
                }
            )
        }

        /// Previous and next links of a ranking longer than one page.
        func pages() -> Node<HTML.BodyContext> {
            Components.pager(model.paging, label: "Pages of the ranking", href: pageHref)
        }

        func pageHref(_ page: Int) -> String {
            SiteURL.category(model.slug).path + (page == 1 ? "" : "?page=\(page)")
        }

        func otherCategories() -> Node<HTML.BodyContext> {
            let others = model.allCategories.filter { $0.slug != model.slug }
            guard !others.isEmpty else { return .empty }
            return .nav(
                .class("section other-categories"),
                .attribute(named: "aria-label", value: "Other categories"),
                .h2(.text("Other categories")),
                .ul(
                    .class("pill-list"),
                    .forEach(others) { category in
                        .li(
                            .a(
                                .href(SiteURL.category(category.slug)),
                                .text(category.name),
                                .span(.class("pill-count"), .text(" \(category.count)"))))
                    })
            )
        }

        func count(_ n: Int) -> String { n == 1 ? "1 tool" : "\(n) tools" }
    }
}
