import Plot
import VerdictCore

extension Components {
    /// A comparison as a link card: "A vs B", the pick or "Too close to call", both panel
    /// numbers and the personas that split.
    static func comparisonTeaser(_ teaser: ComparisonTeaser) -> Node<HTML.BodyContext> {
        let (a, b) = (teaser.a.tool, teaser.b.tool)
        return .article(
            .class("card teaser"),
            .h3(
                .class("teaser-title"),
                .a(.href(SiteURL.compare(a.slug, b.slug)), .text("\(a.name) vs \(b.name)"))),
            .p(.class("teaser-pick"), pick(teaser.pickName)),
            .ul(.class("teaser-scores"), teaserScore(teaser.a), teaserScore(teaser.b)),
            .p(.class("teaser-split"), splitSummary(teaser.split))
        )
    }

    static func pick(_ name: String?) -> Node<HTML.BodyContext> {
        guard let name else { return .span(.class("too-close"), .text("Too close to call")) }
        return .group(.text("Pick: "), .strong(.text(name)))
    }

    static func teaserScore(_ standing: ToolStanding) -> Node<HTML.ListContext> {
        .li(
            .span(.class("teaser-name"), .text(standing.tool.name)),
            Components.listingLabel(standing.tool.listing),
            .text(" · Panel ship \(standing.panel.label)"))
    }

    /// "Split Builder, Buyer" with a marker, or a plain line when every persona agrees.
    /// `explained` spells out what split means, for pages that have the room.
    static func splitSummary(_ split: [Persona], explained: Bool = false) -> Node<HTML.BodyContext> {
        guard !split.isEmpty else { return .span(.class("muted"), .text("No split: the panel agrees on both.")) }
        let one = split.count == 1
        let meaning = explained ? (one ? " ships one and skips the other." : " ship one and skip the other.") : ""
        return .group(
            splitMarker(),
            .text(" " + split.map(\.displayName).joined(separator: ", ") + meaning)
        )
    }

    /// Marks a persona that ships one tool and skips the other.
    static func splitMarker() -> Node<HTML.BodyContext> {
        .span(.class("split-marker"), .title("Ships one tool and skips the other"), .text("Split"))
    }
}
