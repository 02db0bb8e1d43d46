import Plot
import VerdictCore

extension Compare {
    struct View: TemplatedView {
        var model: Model
        /// Render a mark in place of each `Hole`, to make the page's template.
        var marksHoles = false

        var comparison: Comparison { model.comparison }
        var a: ToolStanding { comparison.a }
        var b: ToolStanding { comparison.b }
        /// The path the reader is on (their order of A and B), for vote forms to return to.
        var pagePath: String { SiteURL.compare(a.tool.slug, b.tool.slug).path }

        func document() -> HTML {
            Layout.document(
                title: "\(a.tool.name) vs \(b.tool.name): which one should you ship with?",
                description:
                    "\(a.tool.name) vs \(b.tool.name): side-by-side panel verdict, pricing read, reviewer split and community vote.",
                canonical: model.canonical.path,
                sharing: Layout.Sharing(
                    url: model.origin + model.canonical.path, image: model.origin + SiteURL.compareCard(a.tool.slug, b.tool.slug).path),
                body:
                    hole(.notice),
                intro(),
                glance(),
                hole(.recommendation),
                grid(),
                headToHead(),
                hole(.cost),
                facts(),
                pricing(),
                scorecard(),
                community(),
                .section(
                    .class("grid grid-2 compare-cards"),
                    .attribute(named: "aria-label", value: "The two tools"),
                    Components.toolCard(a, heading: .h2, numbers: hole(.numbersA)),
                    Components.toolCard(b, heading: .h2, numbers: hole(.numbersB))),
                Components.newsletterBox()
            )
        }

        /// The sections that are holes.
        func section(_ hole: Hole) -> Node<HTML.BodyContext> {
            switch hole {
            case .notice: Components.notice(model.notice)
            case .recommendation: recommendation()
            case .pickForm: pickForm()
            case .pickSplit: pickSplit()
            case .cost: .unwrap(model.cost) { $0.section() }
            case .labelA: .text(a.community.label)
            case .labelB: .text(b.community.label)
            case .communityA: communityLine(a)
            case .communityB: communityLine(b)
            case .voteFormA: voteForm(a)
            case .voteFormB: voteForm(b)
            case .numbersA: Components.cardNumbers(a, size: .regular)
            case .numbersB: Components.cardNumbers(b, size: .regular)
            }
        }

        func intro() -> Node<HTML.BodyContext> {
            .header(
                .class("page-intro"),
                .h1(.text("\(a.tool.name) vs \(b.tool.name)")),
                .if(
                    a.tool.listing != nil || b.tool.listing != nil,
                    .p(
                        .class("listing-note"),
                        .text(a.tool.name), Components.listingLabel(a.tool.listing), .text(" · "),
                        .text(b.tool.name), Components.listingLabel(b.tool.listing))),
                .p(.class("subheading"), .text("Which one should you ship with?"))
            )
        }

        func recommendation() -> Node<HTML.BodyContext> {
            let shown = model.forWorkload?.recommendation ?? comparison.recommendation
            let pick = [a, b].first { $0.tool.slug == shown.pick }
            let plain = [a, b].first { $0.tool.slug == comparison.recommendation.pick }
            return .section(
                .class("card recommendation\(pick == nil ? " is-close" : "")"),
                .h2(.class("eyebrow"), .text(model.forWorkload == nil ? "Recommendation" : "Recommendation for your workload")),
                .p(
                    .class("recommendation-pick"),
                    .unwrap(
                        pick, { .group(.text("Ship with "), .strong(.text($0.tool.name))) },
                        else: .strong(.text(noPickHeadline)))),
                .if(
                    model.forWorkload?.changed == true,
                    .p(
                        .class("notice workload-changed"), .attribute(named: "role", value: "note"),
                        .text(
                            "Your workload changes the pick: without it, the page says \(plain.map { "ship with \($0.tool.name)" } ?? noPickHeadline.lowercased())."
                        ))),
                .p(.class("recommendation-reason"), .text(shown.reason)),
                .p(.a(.href("#\(Self.pickID)"), .text("Which would you ship with? Answer ↓"))),
                .if(
                    !model.buyerForWorkload.isEmpty,
                    .div(
                        .class("buyer-workload"),
                        .h3(.text("The Buyer, recomputed for your workload")),
                        .div(
                            .class("grid grid-2"),
                            .forEach(model.buyerForWorkload) { item in
                                .div(.p(.class("scorecard-tool"), .text(item.name)), Components.takeBlock(item.take, persona: .buyer))
                            })))
            )
        }

        /// Without takes on both tools there is nothing to call yet, which is not a tie.
        var noPickHeadline: String {
            if comparison.differentJobs { return "Different jobs" }
            return a.panel.takes == 0 || b.panel.takes == 0 ? "No call yet" : "Too close to call"
        }

        func pricing() -> Node<HTML.BodyContext> {
            .section(
                .class("section"),
                .h2(.text("Pricing read")),
                .p(.class("pricing-read"), .text(comparison.pricingRead))
            )
        }

        func scorecard() -> Node<HTML.BodyContext> {
            .section(
                .class("section"), .id("takes"),
                .h2(.text("The full takes")),
                .p(.class("muted"), Components.splitSummary(comparison.split, explained: true)),
                .div(.class("scorecard"), .forEach(comparison.scorecard, row))
            )
        }

        func row(_ row: ScorecardRow) -> Node<HTML.BodyContext> {
            .article(
                .class("scorecard-row\(row.isSplit ? " is-split" : "")"),
                .div(
                    .class("scorecard-persona"),
                    .h3(.text(row.persona.displayName), .if(row.isSplit, .group(.text(" "), Components.splitMarker()))),
                    .p(.class("take-role"), .text(row.persona.role))
                ),
                .div(
                    .class("grid grid-2 scorecard-takes"),
                    cell(row.a, abstention(row.persona, in: a), a.tool),
                    cell(row.b, abstention(row.persona, in: b), b.tool))
            )
        }

        /// The scorecard row holds takes only; an abstaining persona shows as such, not as "No take yet".
        func abstention(_ persona: Persona, in standing: ToolStanding) -> Abstention? {
            standing.abstentions.first { $0.persona == persona }
        }

        func cell(_ take: Take?, _ abstention: Abstention?, _ tool: Tool) -> Node<HTML.BodyContext> {
            .div(
                .class("take take-\(Components.takeKind(take, abstention))"),
                .div(
                    .class("take-head"),
                    .p(.class("scorecard-tool"), .text(tool.name)),
                    Components.takeBadge(take, abstention)),
                Components.takeBody(take, abstention: abstention)
            )
        }

        func community() -> Node<HTML.BodyContext> {
            .section(
                .class("section"),
                .h2(.text("Community vote")),
                .p(.class("muted"), .text("Would you ship with it? One vote per tool, changeable.")),
                .div(
                    .class("grid grid-2"),
                    voteCard(a, line: hole(.communityA), form: hole(.voteFormA)),
                    voteCard(b, line: hole(.communityB), form: hole(.voteFormB)))
            )
        }

        func voteCard(_ standing: ToolStanding, line: Node<HTML.BodyContext>, form: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
            .div(.class("card vote-card"), .h3(.text(standing.tool.name), Components.listingLabel(standing.tool.listing)), line, form)
        }

        /// A vote card's community score and how far its votes are from tipping.
        func communityLine(_ standing: ToolStanding) -> Node<HTML.BodyContext> {
            .group(
                .p(.class("community-score"), .text("Community \(standing.community.label)")),
                .unwrap(Fragility.Community(standing.community)) { .p(.class("fragility muted"), .text($0.sentence + ".")) })
        }

        /// The reader's vote form on one tool (its state is their vote).
        func voteForm(_ standing: ToolStanding) -> Node<HTML.BodyContext> {
            Components.voteForm(
                slug: standing.tool.slug, toolName: standing.tool.name, current: model.myVotes[standing.tool.slug], returnTo: pagePath)
        }
    }
}
