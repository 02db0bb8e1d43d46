import Plot
import VerdictCore

extension Methodology {
    /// Anchors other pages link to.
    static let leaderboardID = "leaderboard"
    static let abuseID = "abuse-resistance"

    /// Every number on the site and how it is computed; mirrors docs/methodology.md, with the
    /// limits this server is actually configured with.
    struct View {
        let model: Model

        typealias Body = Node<HTML.BodyContext>

        static let contents: [(id: String, title: String)] = [
            ("panel-ship", "Panel ship"),
            ("community", "Community"),
            ("head-to-head", "Which would you ship with?"),
            (Methodology.leaderboardID, "Leaderboard"),
            ("comparisons", "Comparison recommendation"),
            ("critics-vs-crowd", "Critics vs crowd"),
            ("fragility", "How sure is this?"),
            ("claims-history", "Claims, history and staleness"),
            ("rubric", "Takes, their sources and the rubric"),
            ("model-takes", "Model-written takes"),
            (Methodology.abuseID, "Abuse resistance"),
            ("durability", "Durability"),
        ]

        func document() -> HTML {
            Layout.document(
                title: "Methodology",
                description:
                    "How Verdict computes every number it shows: panel ship, community, head-to-head picks, the leaderboard, recommendations, how takes are written, and how votes are protected.",
                canonical: SiteURL.methodology.path,
                body:
                    intro(),
                panelShip(),
                community(),
                headToHead(),
                leaderboard(),
                comparisons(),
                criticsVsCrowd(),
                fragility(),
                claimsAndHistory(),
                rubric(),
                modelTakes(),
                abuseResistance(),
                durability()
            )
        }

        func intro() -> Body {
            .header(
                .class("page-intro"),
                .p(.class("eyebrow"), .text("Methodology")),
                .h1(.text("Every number on the site")),
                .p(
                    .class("lead"),
                    .text(
                        "Verdict shows few numbers, and each is computed in code from stored takes and votes, never by a model. This page says how, with the limits this server runs with."
                    )),
                .nav(
                    .class("method-contents"),
                    .attribute(named: "aria-label", value: "On this page"),
                    .ol(
                        .forEach(Self.contents) { item in
                            .li(.a(.href(HTMLEscaping.attribute("#" + item.id)), .text(item.title)))
                        })
                )
            )
        }

        /// A titled section whose id matches its entry in `contents`.
        func section(_ id: String, _ nodes: Body...) -> Body {
            let title = Self.contents.first { $0.id == id }?.title ?? id
            return .section(
                .id(id),
                .class("section method-section"),
                .attribute(named: "aria-labelledby", value: "\(id)-title"),
                .h2(.id("\(id)-title"), .text(title)),
                .group(nodes)
            )
        }

        func formula(_ text: String) -> Body {
            .p(.class("formula"), .code(.text(text)))
        }

        func para(_ text: String) -> Body { .p(.text(text)) }

        // MARK: Scores

        func panelShip() -> Body {
            section(
                "panel-ship",
                formula("panel ship = takes saying ship ÷ takes present"),
                para(
                    "A whole percentage, always shown with the number of takes n: “75% · 4 takes”. Four personas (Builder, Skeptic, Futurist and Buyer) can each have one current take on a tool. A persona with no take, or one that failed to answer, abstains: it counts as neither ship nor skip, so n can be below 4. With no takes the number is “—”."
                ),
                .p(
                    .text("Percentages are rounded "), .strong(.text("half up")),
                    .text(
                        " with integer arithmetic, (200 × part + whole) ÷ (2 × whole), so 1 of 8 is \(percent(1, 8)), 2 of 3 is \(percent(2, 3)), and the same counts give the same number everywhere."
                    ))
            )
        }

        func community() -> Body {
            section(
                "community",
                formula("community = ship votes ÷ all counted votes"),
                para(
                    "A whole percentage with the count (“62% · 8 votes”), rounded half up like panel ship, and “—” while nobody has voted."),
                para(
                    "Anyone can vote ship or skip on a tool. A voter is a random id in the verdict_voter cookie, signed by the server with HMAC-SHA256; a cookie the server did not sign is refused (403). One voter has one vote per tool and can change it at any time: the new vote replaces the old one."
                ),
                .p(
                    .strong(.text("Discounted votes. ")),
                    .text("Votes from voter ids created beyond their network's hourly limit (see "),
                    .a(.href(HTMLEscaping.attribute("#" + Methodology.abuseID)), .text("abuse resistance")),
                    .text(
                        ") are stored but carry no weight: they are left out of the percentage and the count. A tool page shows how many there are, e.g. “(3 discounted)”, so nothing is hidden."
                    ))
            )
        }

        func headToHead() -> Body {
            section(
                "head-to-head",
                para(
                    "Every comparison page asks “Which would you ship with?”: A, B or neither. Each voter has one answer per pair, whichever order the page shows them in, and can change it. The page shows the split of counted answers: “A 12 · B 8 · Neither 3 (23 answers)”."
                ),
                para(
                    "A pick for A is a head-to-head win for A and a loss for B. “Neither” is shown in the split but decides nothing, so it is not a result on the leaderboard. Answers from discounted voters are stored but neither shown nor counted. Head-to-head picks share the per-network rate limit with ship/skip votes."
                )
            )
        }

        func criticsVsCrowd() -> Body {
            let example = CriticsVsCrowd.flag(panel: PanelScore(ship: 3, skip: 1), community: CommunityScore(ship: 3, skip: 7))
            return section(
                "critics-vs-crowd",
                para(
                    "A tool is flagged when its panel ship and its community are at least \(model.criticsVsCrowdGap) percentage points apart. Both are compared as the whole percentages the page shows, so the flag never contradicts the numbers beside it. A flag needs panel takes and at least \(model.criticsVsCrowdMinimumVotes) counted community votes, so a handful of early voters cannot manufacture a disagreement."
                ),
                .unwrap(example) { flag in
                    .p(
                        .text(
                            "The flag says who ships it, e.g. “\(flag.summary)”; when both sides fall on the same side of 50% it says which is warmer."
                        ))
                }
            )
        }

        func percent(_ part: Int, _ whole: Int) -> String {
            "\(wholePercent(part, of: whole) ?? 0)%"
        }
    }
}
