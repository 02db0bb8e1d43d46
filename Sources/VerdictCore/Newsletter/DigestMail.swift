import Foundation

/// The subject, plain-text and HTML bodies of a weekly digest mail.
public enum DigestMail {
    public static let title = "Weekly AI tool verdicts"
    static let width = 72

    /// "Weekly AI tool verdicts, 2026-W48: Alpha vs Beta and 2 more".
    public static func subject(_ d: Digest) -> String {
        let head = "\(title), \(d.week)"
        if let first = d.newComparisons.first {
            let more = d.newComparisons.count > 1 ? " and \(d.newComparisons.count - 1) more" : ""
            return "\(head): \(oneLine(first.a.name)) vs \(oneLine(first.b.name))\(more)"
        }
        if !d.newVerdicts.isEmpty {
            return "\(head): \(d.newVerdicts.count) new verdict\(d.newVerdicts.count == 1 ? "" : "s")"
        }
        if let first = d.mostSplit.first {
            return "\(head): the panel splits on \(oneLine(first.a.name)) vs \(oneLine(first.b.name))"
        }
        return head
    }

    /// Plain text wrapped at 72 columns; every item is followed by its URL on a line of its own.
    public static func text(_ d: Digest, links: DigestLinks) -> String {
        let heading = "\(title) — \(d.week)"
        var out = [heading, String(repeating: "=", count: heading.count), ""]
        if d.isEmpty {
            out += wrap("No new comparisons or verdicts this week.", indent: "")
            out.append("")
        }
        section(&out, "NEW COMPARISONS", d.newComparisons) { comparisonText($0, links) }
        section(&out, "NEW VERDICTS", d.newVerdicts) { v in
            wrap("- \(oneLine(v.tool.name)): \(verdictLine(v))", indent: "  ") + ["  " + links.tool(v.tool.slug)]
        }
        section(&out, "MOST SPLIT", d.mostSplit) { comparisonText($0, links) }
        section(&out, "COMMUNITY MOVERS", d.movers) { m in
            wrap("- \(oneLine(m.tool.name)): \(moverLine(m))", indent: "  ") + ["  " + links.tool(m.tool.slug)]
        }
        section(&out, "PRICES AND STATUSES", d.catalogChanges) { c in
            wrap("- \(oneLine(c.name)): \(oneLine(c.text))", indent: "  ") + ["  " + links.tool(c.slug)]
        }
        if d.toolsAdded > 0 {
            out += wrap(
                "\(d.toolsAdded) \(d.toolsAdded == 1 ? "tool was" : "tools were") added to the catalog this week: \(links.publicURL)/new",
                indent: "")
            out.append("")
        }
        out += ["--"]
        out += wrap("You get this because you subscribed to \(title) from Verdict.", indent: "")
        out += ["Archive: \(links.archiveURL)", "Unsubscribe: \(links.unsubscribeURL)", ""]
        return out.joined(separator: "\n")
    }

    private static func section<T>(_ out: inout [String], _ name: String, _ items: [T], _ render: (T) -> [String]) {
        guard !items.isEmpty else { return }
        out += [name, ""]
        for item in items { out += render(item) + [""] }
    }

    private static func comparisonText(_ c: DigestComparison, _ links: DigestLinks) -> [String] {
        var lines = wrap("\(oneLine(c.a.name)) vs \(oneLine(c.b.name))", indent: "")
        lines += wrap("Pick: \(pickLine(c))", indent: "  ", first: "  ")
        lines += wrap("Panel ship: \(oneLine(c.a.name)) \(panel(c.a)), \(oneLine(c.b.name)) \(panel(c.b))", indent: "    ", first: "  ")
        lines += wrap(
            "Community: \(oneLine(c.a.name)) \(community(c.a)), \(oneLine(c.b.name)) \(community(c.b))", indent: "    ", first: "  ")
        if !c.split.isEmpty { lines += wrap("Split: \(c.split.map(\.displayName).joined(separator: ", "))", indent: "    ", first: "  ") }
        for flag in c.criticsVsCrowd { lines += wrap("Critics vs crowd: \(oneLine(flag))", indent: "    ", first: "  ") }
        return lines + ["  " + links.compare(c.a.slug, c.b.slug)]
    }

    // MARK: Shared phrasing (text and HTML)

    static func pickLine(_ c: DigestComparison) -> String {
        let reason = oneLine(c.reason)
        guard let name = c.pickName else { return "no call. \(reason)" }
        return "\(oneLine(name)). \(reason)"
    }

    static func verdictLine(_ v: DigestVerdict) -> String {
        var s = "\(v.persona.displayName) says \(v.to.rawValue)"
        s += v.from.map { " (was \($0.rawValue))" } ?? " (new take)"
        if let flip = v.flip.map(oneLine), !flip.isEmpty { s += "; \(flip)" }
        return s
    }

    static func moverLine(_ m: DigestMover) -> String {
        "community \(m.before)% → \(m.after)% ship (\(m.delta > 0 ? "+" : "")\(m.delta) points, \(m.tool.votes) votes)"
    }

    static func panel(_ t: DigestTool) -> String {
        "\(t.panelPercent.map { "\($0)%" } ?? "—") (\(t.panelTakes) take\(t.panelTakes == 1 ? "" : "s"))"
    }

    static func community(_ t: DigestTool) -> String {
        guard let p = t.communityPercent else { return "—" }
        return "\(p)% (\(t.votes) vote\(t.votes == 1 ? "" : "s"))"
    }

    /// Vendor text on one line: hidden characters removed, line breaks and tabs made spaces,
    /// so a tool name cannot forge lines in the text mail.
    static func oneLine(_ s: String) -> String {
        TextCleaning.oneLine(TextCleaning.clean(s))
    }

    /// Greedy word wrap at `width` columns; a word longer than a line (a URL) stays whole.
    static func wrap(_ text: String, indent: String, first: String = "") -> [String] {
        var lines: [String] = []
        var current = first
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = indent
                lineHasWord = false
            }
            current += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(current)
        return lines
    }
}
