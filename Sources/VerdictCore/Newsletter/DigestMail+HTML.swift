import Foundation

/// The HTML body: nested tables with inline styles, because mail clients drop <style> blocks
/// and ignore most CSS layout. Every vendor or tool string passes through `htmlEscape`.
extension DigestMail {
    static let font = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
    static let muted = "color:#52525b;font-size:14px;line-height:20px;"
    static let link = "color:#1d4ed8;text-decoration:underline;"

    public static func html(_ d: Digest, links: DigestLinks) -> String {
        let heading = "\(title) — \(d.week)"
        var rows: [String] = [
            "<tr><td style=\"padding:24px 24px 8px 24px;\">"
                + "<h1 style=\"margin:0;font-size:22px;line-height:28px;color:#18181b;\">\(htmlEscape(title))</h1>"
                + "<p style=\"margin:4px 0 0 0;\(muted)\">Week \(htmlEscape(d.week.description)) · "
                + "<a href=\"\(htmlEscape(links.archiveURL))\" style=\"\(link)\">view in your browser</a></p></td></tr>"
        ]
        if d.isEmpty { rows.append(cell("<p style=\"margin:0;\(muted)\">No new comparisons or verdicts this week.</p>")) }
        rows += section("New comparisons", d.newComparisons.map { comparisonHTML($0, links) })
        /// A tool's name linked to its page, then what the section says of it.
        func toolLine(_ tool: DigestTool, _ text: String) -> String {
            "<a href=\"\(htmlEscape(links.tool(tool.slug)))\" style=\"\(link)\">\(htmlEscape(oneLine(tool.name)))</a>: " + htmlEscape(text)
        }
        rows += section("New verdicts", d.newVerdicts.map { toolLine($0.tool, verdictLine($0)) })
        rows += section("Most split", d.mostSplit.map { comparisonHTML($0, links) })
        rows += section("Community movers", d.movers.map { toolLine($0.tool, moverLine($0)) })
        rows += section(
            "Prices and statuses",
            d.catalogChanges.map {
                "<a href=\"\(htmlEscape(links.tool($0.slug)))\" style=\"\(link)\">\(htmlEscape(oneLine($0.name)))</a>: "
                    + htmlEscape(oneLine($0.text))
            })
        if d.toolsAdded > 0 {
            rows.append(
                cell(
                    "<p style=\"margin:0;\">\(d.toolsAdded) \(d.toolsAdded == 1 ? "tool was" : "tools were") added to the catalog this week: "
                        + "<a href=\"\(htmlEscape(links.publicURL + "/new"))\" style=\"\(link)\">what's new</a></p>"))
        }
        rows.append(
            "<tr><td style=\"padding:16px 24px 24px 24px;border-top:1px solid #e4e4e7;\(muted)\">"
                + "You get this because you subscribed to \(htmlEscape(title)) from Verdict. "
                + "<a href=\"\(htmlEscape(links.unsubscribeURL))\" style=\"\(link)\">Unsubscribe</a> · "
                + "<a href=\"\(htmlEscape(links.archiveURL))\" style=\"\(link)\">Archive</a></td></tr>")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(htmlEscape(heading))</title></head>
            <body style="margin:0;padding:0;background:#f4f4f5;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f5;">
            <tr><td align="center" style="padding:24px 8px;">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border-collapse:collapse;\(font)color:#18181b;">
            \(rows.joined(separator: "\n"))
            </table>
            </td></tr></table>
            </body></html>

            """
    }

    private static func cell(_ inner: String) -> String {
        "<tr><td style=\"padding:8px 24px;font-size:15px;line-height:22px;\">\(inner)</td></tr>"
    }

    private static func section(_ name: String, _ items: [String]) -> [String] {
        guard !items.isEmpty else { return [] }
        let heading = "<h2 style=\"margin:16px 0 0 0;font-size:17px;line-height:24px;color:#18181b;\">\(htmlEscape(name))</h2>"
        return [cell(heading)] + items.map(cell)
    }

    private static func comparisonHTML(_ c: DigestComparison, _ links: DigestLinks) -> String {
        let (a, b) = (htmlEscape(oneLine(c.a.name)), htmlEscape(oneLine(c.b.name)))
        let td = "style=\"padding:4px 8px;border:1px solid #e4e4e7;font-size:14px;\""
        var extra = ""
        if !c.split.isEmpty {
            extra += "<p style=\"margin:4px 0 0 0;\(muted)\">Split: \(htmlEscape(c.split.map(\.displayName).joined(separator: ", ")))</p>"
        }
        for flag in c.criticsVsCrowd {
            extra += "<p style=\"margin:4px 0 0 0;\(muted)\">Critics vs crowd: \(htmlEscape(oneLine(flag)))</p>"
        }
        return "<a href=\"\(htmlEscape(links.compare(c.a.slug, c.b.slug)))\" style=\"\(link)font-weight:bold;\">\(a) vs \(b)</a>"
            + "<p style=\"margin:4px 0 8px 0;\"><strong>Pick:</strong> \(htmlEscape(pickLine(c)))</p>"
            + "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;\">"
            + "<tr><td \(td)></td><td \(td)><strong>\(a)</strong></td><td \(td)><strong>\(b)</strong></td></tr>"
            + "<tr><td \(td)>Panel ship</td><td \(td)>\(htmlEscape(panel(c.a)))</td><td \(td)>\(htmlEscape(panel(c.b)))</td></tr>"
            + "<tr><td \(td)>Community</td><td \(td)>\(htmlEscape(community(c.a)))</td><td \(td)>\(htmlEscape(community(c.b)))</td></tr>"
            + "</table>" + extra
    }

    /// Escapes text for HTML element content and double- or single-quoted attribute values.
    public static func htmlEscape(_ s: String) -> String { HTMLText.escape(s) }
}
