import Plot
import VerdictCore

extension ToolShow {
    struct View: TemplatedView {
        var model: Model
        /// Render a mark in place of each `Hole`, to make the page's template.
        var marksHoles = false

        var tool: Tool { model.standing.tool }

        func document() -> HTML {
            let url = model.publicURL + SiteURL.tool(tool.slug).path
            return Layout.document(
                title: "\(tool.name): ship or skip?",
                description: marksHoles ? PageTemplate.mark(Hole.description.rawValue) : description,
                canonical: SiteURL.tool(tool.slug).path,
                sharing: Layout.Sharing(
                    url: url, image: nil,
                    jsonLD: marksHoles ? PageTemplate.mark(Hole.jsonLD.rawValue) : StructuredData.tool(model.standing, url: url)),
                body:
                    hole(.notice),
                .unwrap(model.retiredAt) { date in
                    .p(
                        .class("notice notice-retired"), .attribute(named: "role", value: "note"),
                        .text(
                            "Retired on \(UTCDate.day(date)): \(tool.name) is no longer listed or ranked. This page is kept for reference and its facts may be out of date."
                        ))
                },
                sourceNotice(),
                Components.toolCard(model.standing, heading: .h1, size: .large, numbers: hole(.numbers)),
                vote(),
                panel(),
                hole(.cost),
                hole(.buyer),
                claims(),
                timeline(),
                hole(.embed),
                history(),
                rivals(),
                facts(),
                offers(),
                Components.newsletterBox(lead: "Get the next verdicts and comparisons in your inbox.")
            )
        }

        /// The page's description in the head: it names the community numbers.
        var description: String {
            "\(tool.name) — panel ship \(model.standing.panel.label), community \(model.standing.community.label). \(tool.tagline ?? tool.description)"
        }

        /// A hole's bytes as the full page renders them.
        func fill(_ hole: Hole) -> String {
            switch hole {
            case .description: HTMLEscaping.attribute(Layout.summary(description))
            case .jsonLD: StructuredData.tool(model.standing, url: model.publicURL + SiteURL.tool(tool.slug).path)
            default: section(hole).render()
            }
        }

        /// The body sections that are holes.
        func section(_ hole: Hole) -> Node<HTML.BodyContext> {
            switch hole {
            case .description, .jsonLD: .empty
            case .notice: Components.notice(model.notice)
            case .numbers: Components.cardNumbers(model.standing, size: .large)
            case .voteLine: voteLine()
            case .voteForm:
                Components.voteForm(slug: tool.slug, toolName: tool.name, current: model.myVote, returnTo: SiteURL.tool(tool.slug).path)
            case .cost: .unwrap(model.cost) { $0.section() }
            case .buyer: .unwrap(model.buyerForWorkload, buyer)
            case .chart: chart()
            case .timeline: timelineSection(list: .empty)
            case .embed: embed()
            case .rival0, .rival1, .rival2:
                hole.rawValue - Hole.rival0.rawValue < model.rivals.count
                    ? Components.cardNumbers(model.rivals[hole.rawValue - Hole.rival0.rawValue], size: .compact) : .empty
            }
        }

        func buyer(_ take: Take) -> Node<HTML.BodyContext> {
            .section(
                .class("section buyer-workload"),
                .h2(.text("The Buyer, recomputed for your workload")),
                .p(
                    .class("muted"),
                    .text("The rubric's Buyer with your month's cost in place of the declared rates; the panel above is unchanged.")),
                Components.takeBlock(take, persona: .buyer))
        }

        func vote() -> Node<HTML.BodyContext> {
            .section(
                .class("section card vote-card"),
                .h2(.text("Your vote")),
                hole(.voteLine),
                hole(.voteForm)
            )
        }

        /// The community's score on the tool and how far its votes are from tipping.
        func voteLine() -> Node<HTML.BodyContext> {
            .group(
                .p(.text("Would you ship with \(tool.name)? Community: \(model.standing.community.label).")),
                .unwrap(Fragility.Community(model.standing.community)) { .p(.class("fragility muted"), .text($0.sentence + ".")) })
        }

        func panel() -> Node<HTML.BodyContext> {
            .section(
                .class("section"),
                .h2(.text("The panel")),
                .p(
                    .class("muted"),
                    .text("Panel ship \(model.standing.panel.label). Four personas, each ending in ship or skip\(abstainedNote).")),
                .unwrap(Fragility.Panel(takes: model.standing.takes)) { .p(.class("fragility muted"), .text($0.sentence + ".")) },
                staleNotice(),
                datesLine(),
                legend(),
                .div(
                    .class("takes"),
                    .forEach(Persona.allCases) { persona in
                        Components.takeBlock(
                            model.standing.take(by: persona),
                            abstention: model.standing.abstentions.first { $0.persona == persona },
                            persona: persona)
                    })
            )
        }

        /// "; 1 abstained and is not counted" when a persona's model gave no valid take.
        var abstainedNote: String {
            let n = model.standing.abstentions.count
            return n == 0 ? "" : "; \(n) abstained and \(n == 1 ? "is" : "are") not counted"
        }

        func rivals() -> Node<HTML.BodyContext> {
            .section(.class("section"), .h2(.text("Compare with")), rivalCards(), picker())
        }

        /// The three closest rivals' cards, their numbers in holes `rival0` to `rival2`.
        func rivalCards() -> Node<HTML.BodyContext> {
            .if(
                model.rivals.isEmpty,
                .p(.class("muted"), .text("No rivals in the catalog yet.")),
                else: .div(
                    .class("grid"),
                    .forEach(model.rivals.prefix(3).enumerated()) { i, standing in
                        rival(standing, numbers: Hole(rawValue: Hole.rival0.rawValue + i).map { hole($0) })
                    }))
        }

        /// "Compare with…": a GET form over the category's leading tools (works without JavaScript;
        /// `/compare?a=…&b=…` redirects to the comparison).
        func picker() -> Node<HTML.BodyContext> {
            guard !model.compareChoices.isEmpty else { return .empty }
            return .form(
                .class("compare-picker"), .method(.get), .action(HTMLEscaping.attribute(SiteURL.comparisons(page: 1).path)),
                .input(.type(.hidden), .name("a"), .value(HTMLEscaping.attribute(tool.slug))),
                .label(.for("compare-with"), .text("Compare \(tool.name) with ")),
                .select(
                    .id("compare-with"), .attribute(named: "name", value: "b"),
                    .forEach(model.compareChoices) { choice in .option(.value(choice.slug), .label(choice.name)) }),
                .text(" "),
                .button(.type(.submit), .class("button"), .text("Compare")))
        }

        func rival(_ standing: ToolStanding, numbers: Node<HTML.BodyContext>?) -> Node<HTML.BodyContext> {
            .div(
                .class("rival"),
                .p(
                    .class("rival-link"),
                    .a(
                        .href(SiteURL.compare(tool.slug, standing.tool.slug)),
                        .text("\(tool.name) vs \(standing.tool.name) →"))),
                Components.toolCard(standing, heading: .h3, size: .compact, numbers: numbers)
            )
        }

        func facts() -> Node<HTML.BodyContext> {
            let rows = FactRow.rows(for: tool.facts)
            let known = rows.filter { $0.value != nil }
            let unknown = rows.filter { $0.value == nil }.map(\.label)
            return .section(
                .class("section"),
                .h2(.text("Declared facts")),
                .p(
                    .class("muted"),
                    .text("As declared on the vendor's public pages. The panel's rubric reads these; it does not guess the rest.")),
                .if(
                    known.isEmpty,
                    .p(.text("No facts declared.")),
                    else: .table(.class("facts"), .tbody(.forEach(known, factRow)))),
                .if(
                    !unknown.isEmpty,
                    .p(
                        .class("facts-unknown"), .strong(.text("Unknown (not declared): ")),
                        .text(unknown.joined(separator: ", ") + ".")))
            )
        }

        func factRow(_ row: FactRow) -> Node<HTML.TableContext> {
            .tr(
                .th(.attribute(named: "scope", value: "row"), .text(row.label)),
                .td(
                    row.link.map { .a(.href($0), .rel("nofollow noopener"), .text(row.value ?? "")) }
                        ?? .text(row.value ?? ""))
            )
        }
    }
}
