import Plot
import VerdictCore

extension LeaderboardPage {
    struct View {
        let model: Model

        var board: Leaderboard { model.board }
        var title: String { model.category.map { "\($0.name) leaderboard" } ?? "Leaderboard" }

        func document() -> HTML {
            Layout.document(
                title: title,
                description:
                    "AI tools\(model.category.map { " in \($0.name)" } ?? "") ranked by readers' head-to-head picks, with 95% intervals and tiers.",
                canonical: SiteURL.leaderboard(category: model.category?.slug).path,
                body:
                    intro(),
                board.ranked.isEmpty ? empty() : ranked(),
                unranked(),
                otherBoards()
            )
        }

        func intro() -> Node<HTML.BodyContext> {
            .header(
                .class("page-intro"),
                .p(.class("eyebrow"), .text("Which would you ship with?")),
                .h1(.text(title)),
                .p(
                    .class("lead"),
                    .text(
                        "Ranked by a Bradley–Terry fit of head-to-head picks; bars are 95% bootstrap intervals; tools whose intervals overlap share a tier. "
                    ),
                    .a(
                        .href(HTMLEscaping.attribute(SiteURL.methodology.path + "#" + Methodology.leaderboardID)),
                        .text("How the ranking works")))
            )
        }

        /// The name of a tool on the board; the slug if the catalog no longer has it.
        func name(_ slug: String) -> String { model.tools[slug]?.tool.name ?? slug }

        func toolLink(_ slug: String) -> Node<HTML.BodyContext> {
            .group(.a(.href(SiteURL.tool(slug)), .text(name(slug))), Components.listingLabel(model.tools[slug]?.tool.listing))
        }

        // MARK: Ranked

        func ranked() -> Node<HTML.BodyContext> {
            .section(
                .class("section"),
                .attribute(named: "aria-labelledby", value: "ranking-title"),
                .h2(.id("ranking-title"), .text("Ranking")),
                Chart(entries: board.ranked, name: name).node(),
                .div(
                    .class("table-scroll"),
                    .table(
                        .class("leaderboard-table"),
                        .caption(.class("visually-hidden"), .text("Ranked tools, strongest first")),
                        .thead(
                            .tr(
                                .forEach([
                                    "Rank", "Tool", "Strength", "95% interval", "Wins–losses", "Panel ship", "Community",
                                    "Critics vs crowd",
                                ]) {
                                    .th(.attribute(named: "scope", value: "col"), .text($0))
                                })),
                        .tbody(
                            .forEach(board.ranked.indices) {
                                row(board.ranked[$0], fragility: Fragility.Rank(ranked: board.ranked, index: $0))
                            })
                    )
                )
            )
        }

        func row(_ entry: LeaderboardEntry, fragility: Fragility.Rank?) -> Node<HTML.TableContext> {
            let standing = model.tools[entry.slug]
            return .tr(
                .class(Tiers.parity(entry.tier)),
                .td(
                    .class("lb-rank"),
                    .span(.class("lb-rank-number"), .text("\(entry.rank)")),
                    .span(.class("tier-tag"), .text("Tier \(entry.tier)")),
                    .unwrap(fragility) { .span(.class("lb-fragility muted"), .text($0.sentence)) }),
                .th(.attribute(named: "scope", value: "row"), .class("lb-tool"), toolLink(entry.slug)),
                .td(.class("num"), .text(Strength.signed(entry.strength))),
                .td(.class("num"), .text(Strength.interval(entry))),
                .td(.class("num"), .text("\(entry.wins)–\(entry.losses)")),
                .td(.class("num"), .text(standing?.panel.label ?? "—")),
                .td(.class("num"), .text(standing?.community.label ?? "—")),
                .td(
                    standing.map { s in
                        CriticsVsCrowd.flag(panel: s.panel, community: s.community) == nil
                            ? .span(.class("muted"), .text("—")) : Components.crowdFlag(s)
                    } ?? .span(.class("muted"), .text("—")))
            )
        }

        // MARK: Empty and unranked

        func empty() -> Node<HTML.BodyContext> {
            .section(
                .class("section card leaderboard-empty"),
                .h2(.text("No rankings yet")),
                .p(
                    .text(
                        "The leaderboard ranks tools by readers' answers to “Which would you ship with?” on comparison pages. "
                            + "A tool is ranked once it has \(model.minimumComparisons) head-to-head picks for or against it; “neither” does not count."
                    )),
                .p(.text("Open a comparison, read the panel's takes, and pick the one you would ship with.")),
                starter()
            )
        }

        /// A comparison to start with: the two tools of one category closest to being ranked
        /// (never two tools that do different jobs).
        func starter() -> Node<HTML.BodyContext> {
            let slugs = board.unranked.map(\.slug) + model.tools.keys.sorted()
            var pair: [String] = []
            for first in slugs where pair.isEmpty {
                guard let category = model.tools[first]?.tool.categorySlug,
                    let second = slugs.first(where: { $0 != first && model.tools[$0]?.tool.categorySlug == category })
                else { continue }
                pair = [first, second]
            }
            guard pair.count == 2 else { return .empty }
            let (x, y) = Comparison.canonicalPair(pair[0], pair[1])
            return .p(
                .a(
                    .class("button"), .href(SiteURL.compare(x, y)),
                    .text("Start with \(name(x)) vs \(name(y)) →")))
        }

        /// Tools with some picks get a row each; the never-compared ones share one line, since on
        /// a young board they are most of the catalog.
        func unranked() -> Node<HTML.BodyContext> {
            guard !board.unranked.isEmpty || model.uncompared > 0 else { return .empty }
            let started = board.unranked.filter { $0.comparisons > 0 }
            let untouched = model.uncompared
            return .section(
                .class("section"),
                .h2(.text("Not enough head-to-heads yet")),
                .p(
                    .class("muted"),
                    .text(
                        "A tool is ranked once it has \(model.minimumComparisons) head-to-head picks for or against it. Pick between tools on their comparison pages to get them ranked."
                    )),
                .if(
                    !started.isEmpty,
                    .ul(
                        .class("tool-list unranked-list"),
                        .forEach(started) { item in
                            .li(
                                .class("tool-row"),
                                toolLink(item.slug),
                                .span(.class("tool-row-score"), .text("\(item.comparisons) of \(model.minimumComparisons) comparisons")))
                        })),
                .if(
                    untouched > 0,
                    .p(
                        .class("unranked-untouched"),
                        .strong(.text("0 of \(model.minimumComparisons) comparisons: ")),
                        model.untouched.isEmpty
                            ? .group(
                                .text("\(untouched == 1 ? "1 tool" : "\(untouched) tools") "),
                                .a(.href(Layout.categoriesAnchor), .text("in the catalog")),
                                .text(" \(untouched == 1 ? "has" : "have") no head-to-head picks here yet."))
                            : .group(
                                .forEach(model.untouched.enumerated()) { i, slug in
                                    .group(.if(i > 0, .text(", ")), toolLink(slug))
                                },
                                .text(" \(model.untouched.count == 1 ? "has" : "have") no head-to-head picks here yet."))))
            )
        }

        // MARK: Other boards

        func otherBoards() -> Node<HTML.BodyContext> {
            let current = model.category?.slug
            let boards: [(name: String, slug: String?, count: Int?)] =
                [("All tools", nil, nil)] + model.categories.map { ($0.name, $0.slug, $0.count) }
            return .nav(
                .class("section other-categories"),
                .attribute(named: "aria-label", value: "Leaderboards"),
                .h2(.text("Leaderboards")),
                .ul(
                    .class("pill-list"),
                    .forEach(boards) { board in
                        let isCurrent = board.slug == current
                        return .li(
                            .a(
                                .href(SiteURL.leaderboard(category: board.slug)),
                                .class(isCurrent ? "is-current" : ""),
                                .attribute(named: "aria-current", value: isCurrent ? "page" : nil),
                                .text(board.name),
                                .unwrap(board.count) { .span(.class("pill-count"), .text(" \($0)")) }))
                    })
            )
        }
    }
}
