/// Where each page of the site goes in a static export, and how its links become relative, so
/// the export works from any folder of any static host, and from disk.
///
/// `/` → `index.html`; a page `/tools/x` → `tools/x/index.html`; a file `/badge/x.svg` keeps its
/// name; a query becomes part of the name (`/tools?after=x` → `tools/after-x.html`).
public enum StaticPaths {
    /// The query keys a static page may carry (pages of a list, a category's feed or news, a
    /// sitemap part); a link with any other key is dynamic and stays on the API origin.
    public static let pagingKeys: Set<String> = ["after", "page", "category", "part", "limit"]

    /// The file a site path and query are written to; nil when the query makes it dynamic. A
    /// `json` answer without an extension of its own gets `.json` instead of a folder.
    public static func file(path: String, query: String?, json: Bool = false) -> String? {
        var parts: [(String, String)] = []
        for item in (query ?? "").split(separator: "&") where !item.isEmpty {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            guard pagingKeys.contains(key) else { return nil }
            parts.append((key, value))
        }
        let clean = path.split(separator: "/").map(String.init)
        guard clean.allSatisfy({ $0 != ".." && $0 != "." && !$0.isEmpty }) else { return nil }
        let suffix = parts.map { "\($0.0)-\(safe($0.1))" }.joined(separator: "-")
        if let last = clean.last, let dot = last.lastIndex(of: "."), dot != last.startIndex {
            guard !suffix.isEmpty else { return clean.joined(separator: "/") }
            let stem = last[..<dot]
            let ext = last[last.index(after: dot)...]
            return (clean.dropLast() + ["\(stem)-\(suffix).\(ext)"]).joined(separator: "/")
        }
        if json, let last = clean.last {
            return (clean.dropLast() + [suffix.isEmpty ? "\(last).json" : "\(last)-\(suffix).json"]).joined(separator: "/")
        }
        return (clean + [suffix.isEmpty ? "index.html" : "\(suffix).html"]).joined(separator: "/")
    }

    /// A query value as a file-name part: letters, digits and hyphens kept, the rest `_`.
    static func safe(_ value: String) -> String {
        String(value.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "_" }.prefix(80))
    }

    /// The link from one exported file to another: `tools/x/index.html` → `compare/a-vs-b/index.html`
    /// is `../../compare/a-vs-b/index.html`.
    public static func relative(from: String, to: String) -> String {
        let fromDir = from.split(separator: "/").dropLast().map(String.init)
        let target = to.split(separator: "/").map(String.init)
        var common = 0
        while common < fromDir.count, common < target.count - 1, fromDir[common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: fromDir.count - common)
        return (up + target[common...]).joined(separator: "/")
    }

    /// The site-absolute URLs in an HTML page's `href`, `src` and `action` attributes (Plot writes
    /// double quotes), with the attribute each is in, in order.
    public static func links(in html: String) -> [(attribute: String, url: String, range: Range<String.Index>)] {
        var found: [(String, String, Range<String.Index>)] = []
        for attribute in ["href", "src", "action"] {
            var search = html.startIndex..<html.endIndex
            let marker = " \(attribute)=\"/"
            while let hit = html.range(of: marker, range: search) {
                let start = html.index(before: hit.upperBound)
                guard let end = html[start...].firstIndex(of: "\"") else { break }
                let url = String(html[start..<end])
                if !url.hasPrefix("//") { found.append((attribute, url, start..<end)) }
                search = end..<html.endIndex
            }
        }
        return found.sorted { $0.2.lowerBound < $1.2.lowerBound }
    }

    /// The page with each site-absolute link replaced by what `replace` gives for it (unchanged
    /// when nil).
    public static func rewrite(_ html: String, replace: (_ attribute: String, _ url: String) -> String?) -> String {
        var out = ""
        var cursor = html.startIndex
        for link in links(in: html) {
            out += html[cursor..<link.range.lowerBound]
            out += replace(link.attribute, link.url) ?? link.url
            cursor = link.range.upperBound
        }
        return out + html[cursor...]
    }
}
