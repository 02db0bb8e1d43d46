import Foundation

/// sitemaps.org documents: a URL set (at most 50,000 URLs) and the index of several.
public enum Sitemap {
    public static let maxURLs = 50_000

    public struct Entry: Sendable, Hashable {
        public var url: String
        public var lastModified: Date?

        public init(url: String, lastModified: Date? = nil) {
            self.url = url
            self.lastModified = lastModified
        }
    }

    public static func urlSet(_ entries: [Entry]) -> String {
        var out =
            #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
        for e in entries.prefix(maxURLs) {
            out +=
                "<url><loc>\(Feed.xml(e.url))</loc>" + (e.lastModified.map { "<lastmod>\(UTCDate.day($0))</lastmod>" } ?? "") + "</url>\n"
        }
        return out + "</urlset>\n"
    }

    public static func index(_ parts: [String]) -> String {
        var out =
            #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#
            + "\n"
        for part in parts { out += "<sitemap><loc>\(Feed.xml(part))</loc></sitemap>\n" }
        return out + "</sitemapindex>\n"
    }
}
