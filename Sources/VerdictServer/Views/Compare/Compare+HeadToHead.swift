import Plot
import VerdictCore

extension Compare.View {
    /// Anchor of the head-to-head section, so a link can land on the question itself.
    static let pickID = "pick"

    /// "Which would you ship with?": the reader's answer (A, B or neither) and the split so far.
    func headToHead() -> Node<HTML.BodyContext> {
        .section(
            .id(Self.pickID),
            .class("section card head-to-head"),
            .attribute(named: "aria-labelledby", value: "pick-title"),
            .h2(.id("pick-title"), .text("Which would you ship with?")),
            .p(
                .class("muted"),
                .text(
                    "For your next project, \(a.tool.name) or \(b.tool.name)? One answer per comparison, changeable. Picks rank tools on the "
                ),
                .a(.href(SiteURL.leaderboard(category: nil)), .text("leaderboard")),
                .text("; “neither” counts here but not there.")),
            hole(.pickForm),
            hole(.pickSplit)
        )
    }

    /// Three submit buttons posting `pick=<slug>|neither` (form-urlencoded) in the page's order.
    func pickForm() -> Node<HTML.BodyContext> {
        .form(
            .class("pick-form"),
            .method(.post),
            .action(SiteURL.comparePick(a.tool.slug, b.tool.slug)),
            .div(
                .class("pick-buttons"),
                .attribute(named: "role", value: "group"),
                .attribute(
                    named: "aria-label", value: HTMLEscaping.attribute("Which would you ship with: \(a.tool.name) or \(b.tool.name)?")),
                pickButton(a.tool.slug, label: "Ship with \(a.tool.name)", kind: "a"),
                pickButton(b.tool.slug, label: "Ship with \(b.tool.name)", kind: "b"),
                pickButton("neither", label: "Neither", kind: "neither")
            ),
            .p(.class("pick-status"), .text(pickStatus))
        )
    }

    func pickButton(_ value: String, label: String, kind: String) -> Node<HTML.FormContext> {
        let isCurrent = model.myPick == value
        return .button(
            .type(.submit),
            .name("pick"),
            .value(HTMLEscaping.attribute(value)),
            .class("pick-button pick-\(kind)\(isCurrent ? " is-current" : "")"),
            .attribute(named: "aria-pressed", value: isCurrent ? "true" : "false"),
            .span(.class("swatch swatch-\(kind)"), .attribute(named: "aria-hidden", value: "true")),
            .text(label)
        )
    }

    var pickStatus: String {
        switch model.myPick {
        case a.tool.slug?: "Your pick: \(a.tool.name). You can change it any time."
        case b.tool.slug?: "Your pick: \(b.tool.name). You can change it any time."
        case "neither"?: "Your pick: neither. You can change it any time."
        default: "You have not picked yet."
        }
    }

    /// The split as a bar (an SVG, since the CSP rules out inline widths) and as counts.
    func pickSplit() -> Node<HTML.BodyContext> {
        let tally = model.headToHead
        guard tally.total > 0 else {
            return .p(.class("pick-split pick-empty"), .text("No answers yet. Be the first to pick."))
        }
        // The tally is in the page's order already; match by slug all the same.
        let (forA, forB) = tally.a.slug == a.tool.slug ? (tally.a.picks, tally.b.picks) : (tally.b.picks, tally.a.picks)
        let segments = [(forA, "a"), (forB, "b"), (tally.neither, "neither")]
        var x = 0.0
        let rects: [Node<HTML.BodyContext>] = segments.map { picks, kind in
            let width = 100 * Double(picks) / Double(tally.total)
            defer { x += width }
            return Components.SVG.rect(x: x, y: 0, width: width, height: 8, class: "bar-\(kind)")
        }
        let percent = { (n: Int) in "\(wholePercent(n, of: tally.total) ?? 0)%" }
        let label = "\(a.tool.name) \(percent(forA)), \(b.tool.name) \(percent(forB)), neither \(percent(tally.neither))"
        return .div(
            .class("pick-split"),
            Components.SVG.svg(width: 100, height: 8, class: "split-bar", label: label, stretch: true, rects),
            .p(
                .class("pick-counts"),
                count(a.tool.name, forA, kind: "a"), .text(" · "),
                count(b.tool.name, forB, kind: "b"), .text(" · "),
                count("Neither", tally.neither, kind: "neither"),
                .text(" (\(tally.total == 1 ? "1 answer" : "\(tally.total) answers"))"))
        )
    }

    func count(_ name: String, _ n: Int, kind: String) -> Node<HTML.BodyContext> {
        .span(
            .class("pick-count"),
            .span(.class("swatch swatch-\(kind)"), .attribute(named: "aria-hidden", value: "true")),
            .text("\(name) "),
            .strong(.text("\(n)"))
        )
    }
}
