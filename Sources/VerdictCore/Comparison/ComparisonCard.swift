/// The share image of a comparison (Open Graph, 1200×630), as SVG: both names, their panel and
/// community figures, and the pick. Names are escaped and clipped; the rest are numbers.
public enum ComparisonCard {
    public static func svg(_ comparison: Comparison) -> String {
        let (a, b) = (comparison.a, comparison.b)
        let pick = [a, b].first { $0.tool.slug == comparison.recommendation.pick }?.tool.name
        let headline =
            comparison.differentJobs ? "Different jobs: no winner" : pick.map { "Ship with \(Rubric.clip($0, 40))" } ?? "Too close to call"
        func column(_ s: ToolStanding, x: Int) -> String {
            """
            <text x="\(x)" y="250" font-size="54" font-weight="700" fill="#1b1d21">\(HTMLText.escape(Rubric.clip(s.tool.name, 22)))</text>\
            <text x="\(x)" y="320" font-size="34" fill="#585c63">Panel ship \(s.panel.shipPercent.map { "\($0)%" } ?? "—")</text>\
            <text x="\(x)" y="370" font-size="34" fill="#585c63">Community \(s.community.shipPercent.map { "\($0)%" } ?? "—")</text>
            """
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="DejaVu Sans,Verdana,sans-serif">\
            <rect width="1200" height="630" fill="#f5f6f2"/><rect width="1200" height="12" fill="#3346c4"/>\
            <text x="80" y="120" font-size="40" font-weight="700" fill="#3346c4">Verdict</text>\
            <text x="80" y="170" font-size="30" fill="#585c63">Which one should you ship with?</text>\
            \(column(a, x: 80))<text x="600" y="250" font-size="40" fill="#585c63" text-anchor="middle">vs</text>\(column(b, x: 680))\
            <rect x="80" y="450" width="1040" height="110" rx="16" fill="#e3f3e7"/>\
            <text x="120" y="522" font-size="46" font-weight="700" fill="#17672f">\(HTMLText.escape(headline))</text></svg>
            """
    }
}
