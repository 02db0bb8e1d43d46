import Plot
import VerdictCore

extension Components {
    enum CardSize: String { case compact, regular, large }

    /// A tool at a glance: category, name, tagline, panel ship, community, entry and a short
    /// description. `.large` is the tool page's own card: full description, vendor and links.
    static func toolCard(
        _ standing: ToolStanding, heading level: Heading = .h3, size: CardSize = .regular
    ) -> Node<HTML.BodyContext> {
        let tool = standing.tool
        return .article(
            .class("card tool-card tool-card-\(size.rawValue)"),
            .p(.class("card-category"), .a(.href(SiteURL.category(tool.categorySlug)), .text(tool.category))),
            heading(level, .class("card-title"), toolName(tool, linked: size != .large)),
            .if(size == .large, .unwrap(tool.vendor) { .p(.class("vendor"), .text("by \($0)")) }),
            .unwrap(tool.tagline) { .p(.class("tagline"), .text($0)) },
            scores(standing),
            .if(size != .compact, .p(.class("description"), .text(description(tool, full: size == .large)))),
            .if(size == .large, sourceLinks(tool))
        )
    }

    /// Panel ship, community and entry tier, labelled as the product names them.
    static func scores(_ standing: ToolStanding) -> Node<HTML.BodyContext> {
        .dl(
            .class("scores"),
            score("Panel ship", standing.panel.label),
            score("Community", standing.community.label),
            score("Entry", standing.tool.entry.displayName)
        )
    }

    static func score(_ name: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .div(.class("score"), .dt(.text(name)), .dd(.text(value)))
    }

    /// One line in a compact list: name linking to the tool, and its panel ship.
    static func toolRow(_ standing: ToolStanding) -> Node<HTML.ListContext> {
        .li(
            .class("tool-row"),
            .a(.href(SiteURL.tool(standing.tool.slug)), .text(standing.tool.name)),
            .span(.class("tool-row-score"), .text("Panel ship \(standing.panel.label)"))
        )
    }

    static func toolName(_ tool: Tool, linked: Bool) -> Node<HTML.BodyContext> {
        linked ? .a(.href(SiteURL.tool(tool.slug)), .text(tool.name)) : .text(tool.name)
    }

    static func description(_ tool: Tool, full: Bool) -> String {
        let text = tool.description.split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
