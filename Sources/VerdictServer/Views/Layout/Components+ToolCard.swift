import Plot
import VerdictCore

extension Components {
    enum CardSize: String { case compact, regular, large }

    /// A tool at a glance: category, name, tagline, panel ship, community, entry and a short
    /// description. `.large` is the tool page's own card: full description, vendor and links.
    /// `numbers` stands in for `cardNumbers` (a page template's hole for them). A category's own
    /// ranking leaves out the category line (`showCategory`): every card there would repeat it.
    static func toolCard(
        _ standing: ToolStanding, heading level: Heading = .h3, size: CardSize = .regular, numbers: Node<HTML.BodyContext>? = nil,
        showCategory: Bool = true
    ) -> Node<HTML.BodyContext> {
        let tool = standing.tool
        return .article(
            .class("card tool-card tool-card-\(size.rawValue)"),
            showCategory ? .p(.class("card-category"), .a(.href(SiteURL.category(tool.categorySlug)), .text(tool.category))) : .empty,
            heading(level, .class("card-title"), toolName(tool, linked: size != .large)),
            size == .large ? .unwrap(tool.vendor) { .p(.class("vendor"), .text("by \($0)")) } : .empty,
            .unwrap(tool.tagline) { .p(.class("tagline"), .text($0)) },
            numbers ?? cardNumbers(standing, size: size),
            // Built only where shown: a compact card has neither.
            size == .compact ? .empty : .p(.class("description"), .text(description(tool, full: size == .large))),
            size == .large ? sourceLinks(tool) : .empty
        )
    }

    /// What a card shows that votes change: its scores and the critics-vs-crowd flag.
    static func cardNumbers(_ standing: ToolStanding, size: CardSize) -> Node<HTML.BodyContext> {
        .group(scores(standing, showDiscounted: size == .large), crowdFlagLine(standing))
    }

    /// Panel ship, community and entry tier, labelled as the product names them.
    /// `showDiscounted` adds "(N discounted)" under community where votes were given no weight.
    static func scores(_ standing: ToolStanding, showDiscounted: Bool = false) -> Node<HTML.BodyContext> {
        let discounted = showDiscounted ? standing.community.discounted : 0
        return .dl(
            .class("scores"),
            score("Panel ship", standing.panel.label),
            score("Community", standing.community.label, note: discountedNote(discounted)),
            score("Entry", standing.tool.entry.displayName)
        )
    }

    static func score(
        _ name: String, _ value: String, note: Node<HTML.BodyContext> = .empty
    ) -> Node<HTML.DescriptionListContext> {
        .div(.class("score"), .dt(.text(name)), .dd(.text(value), note))
    }

    /// "(3 discounted)": votes stored without weight, linked to the rule that discounts them.
    static func discountedNote(_ count: Int) -> Node<HTML.BodyContext> {
        guard count > 0 else { return .empty }
        return .a(
            .class("discounted"),
            .href(HTMLEscaping.attribute(SiteURL.methodology.path + "#" + Methodology.abuseID)),
            .title(HTMLEscaping.attribute("Votes from voters created beyond their network's hourly limit: stored, not counted")),
            .text("(\(count) discounted)")
        )
    }

    /// "⚑ Critics ship it (75%), the crowd does not (30%)" when panel and community are far
    /// apart (see `CriticsVsCrowd`); nothing otherwise.
    static func crowdFlag(_ standing: ToolStanding) -> Node<HTML.BodyContext> {
        guard let flag = CriticsVsCrowd.flag(panel: standing.panel, community: standing.community) else {
            return .empty
        }
        let hint = "Critics vs crowd: panel ship and community are \(CriticsVsCrowd.threshold) or more points apart"
        return .span(
            .class("crowd-flag"),
            .title(HTMLEscaping.attribute(hint)),
            .span(.class("crowd-flag-icon"), .attribute(named: "aria-hidden", value: "true"), .text("⚑")),
            .span(.class("visually-hidden"), .text("Critics vs crowd: ")),
            .text(flag.summary)
        )
    }

    /// The flag on its own line in a card, or nothing.
    static func crowdFlagLine(_ standing: ToolStanding) -> Node<HTML.BodyContext> {
        guard CriticsVsCrowd.flag(panel: standing.panel, community: standing.community) != nil else { return .empty }
        return .p(.class("card-flag"), crowdFlag(standing))
    }

    /// One line in a compact list: name linking to the tool, and its panel ship.
    static func toolRow(_ standing: ToolStanding) -> Node<HTML.ListContext> {
        .li(
            .class("tool-row"),
            .a(.href(SiteURL.tool(standing.tool.slug)), .text(standing.tool.name)),
            listingLabel(standing.tool.listing),
            .span(.class("tool-row-score"), .text("Panel ship \(standing.panel.label)"))
        )
    }

    static func toolName(_ tool: Tool, linked: Bool) -> Node<HTML.BodyContext> {
        .group(
            linked ? .a(.href(SiteURL.tool(tool.slug)), .text(tool.name)) : .text(tool.name),
            listingLabel(tool.listing))
    }

    /// " Vendor-submitted" / " Sponsored" beside a tool's name wherever it is shown.
    static func listingLabel(_ listing: Listing?) -> Node<HTML.BodyContext> {
        guard let listing else { return .empty }
        return .group(.text(" "), .span(.class("listing-label listing-\(listing.rawValue)"), .text(listing.label)))
    }

    static func description(_ tool: Tool, full: Bool) -> String {
        let text = TextCleaning.oneLine(tool.description)
        return full ? text : truncated(text, limit: 220)
    }

    /// Homepage and the page the facts were read from; only http(s) URLs become links.
    static func sourceLinks(_ tool: Tool) -> Node<HTML.BodyContext> {
        let homepage = HTMLEscaping.externalURL(tool.homepage)
        let source = HTMLEscaping.externalURL(tool.sourceURL)
        return .p(
            .class("card-links"),
            .unwrap(homepage) { .a(.href($0), .rel("nofollow noopener"), .text("Homepage")) },
            .unwrap(source) { .a(.href($0), .rel("nofollow noopener"), .text("Facts as of source")) },
            .if(source == nil, .span(.class("muted"), .text("No source page declared for these facts.")))
        )
    }
}
