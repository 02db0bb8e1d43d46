import Plot
import VerdictCore

extension CategoryShow {
    struct View {
        let model: Model

        func document() -> HTML {
            Layout.document(
                title: "\(model.name): AI tools ranked",
                description: "\(model.name) AI tools ranked by panel ship, then community vote.",
                canonical: SiteURL.category(model.slug).path,
                body:
                    intro(),
                ranking(),
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
                    .text("\(count(model.ranked.count)), ranked by panel ship, then community.")),
                topPair()
            )
        }

        /// The obvious next question on a ranking: how do the top two compare?
        func topPair() -> Node<HTML.BodyContext> {
            guard model.ranked.count >= 2 else { return .empty }
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
                    .li(
                        .class("ranking-item"),
                        .span(
                            .class("rank"), .attribute(named: "aria-label", value: "Rank \(index + 1)"),
                            .text("\(index + 1)")),
                        Components.toolCard(standing, heading: .h2)
                    )
                }
            )
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
