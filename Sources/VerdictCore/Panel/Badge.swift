/// The verdict badge publishers embed: "Verdict | Panel ship 75% · Community 62%", as SVG.
/// Only numbers and fixed words go in, so nothing needs escaping.
public enum Badge {
    public static let label = "Verdict"

    /// "Panel ship 75% · Community 62%", with "—" where there is no figure yet.
    public static func message(panel: Int?, community: Int?) -> String {
        "Panel ship \(panel.map { "\($0)%" } ?? "—") · Community \(community.map { "\($0)%" } ?? "—")"
    }

    /// A flat two-part badge, 20 px high; widths from a fixed per-character advance of the
    /// 11 px sans-serif the badge declares (close enough for Verdana/DejaVu Sans, the common
    /// fallbacks). The colour is the panel's: green from 75%, amber from 50%, red below, grey without takes.
    public static func svg(panel: Int?, community: Int?) -> String {
        let message = message(panel: panel, community: community)
        let left = width(label) + 12
        let right = width(message) + 12
        let total = left + right
        let colour =
            switch panel {
            case let p? where p >= 75: "#17672f"
            case let p? where p >= 50: "#8a5a00"
            case .some: "#a3221a"
            case nil: "#585c63"
            }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(total)" height="20" role="img" aria-label="\(label): \(message)">\
            <title>\(label): \(message)</title>\
            <rect width="\(left)" height="20" fill="#3346c4"/><rect x="\(left)" width="\(right)" height="20" fill="\(colour)"/>\
            <g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">\
            <text x="\(left / 2)" y="14">\(label)</text><text x="\(left + right / 2)" y="14">\(message)</text></g></svg>
            """
    }

    /// Approximate rendered width in px: 7 per character, 4 for narrow ones.
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + (" ·.:%|il".contains($1) ? 4 : 7) }
    }
}
