import Foundation

/// One item of a feed: a verdict or a tool added, with its page.
public struct FeedEntry: Sendable, Hashable {
    /// A stable, unique id (a `tag:` URI).
    public var id: String
    public var title: String
    public var url: String
    public var updated: Date
    public var summary: String

    public init(id: String, title: String, url: String, updated: Date, summary: String) {
        self.id = id
        self.title = title
        self.url = url
        self.updated = updated
        self.summary = summary
    }
}

/// Atom 1.0 and JSON Feed 1.1 documents from the same entries. Text is escaped for XML and
/// stripped of control characters XML 1.0 forbids; URLs are built by the server from slugs.
public struct Feed: Sendable {
    public var title: String
    /// The feed's own URL, and the page it describes.
    public var feedURL: String
    public var homeURL: String
    public var entries: [FeedEntry]

    public init(title: String, feedURL: String, homeURL: String, entries: [FeedEntry]) {
        self.title = title
        self.feedURL = feedURL
        self.homeURL = homeURL
        self.entries = entries
    }

    /// XML-safe text: escaped, without the C0 controls XML 1.0 does not allow.
    static func xml(_ s: String) -> String {
        HTMLText.escape(String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" })))
    }

    public func atom() -> String {
        let updated = entries.map(\.updated).max() ?? Date(timeIntervalSince1970: 0)
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(Self.xml(title))</title>
            <id>\(Self.xml(feedURL))</id>
            <link rel="self" href="\(Self.xml(feedURL))"/>
            <link rel="alternate" type="text/html" href="\(Self.xml(homeURL))"/>
            <updated>\(UTCDate.internet(updated))</updated>
            <author><name>Verdict</name></author>

            """
        for e in entries {
            out += """
                <entry>
                <id>\(Self.xml(e.id))</id>
                <title>\(Self.xml(e.title))</title>
                <link rel="alternate" type="text/html" href="\(Self.xml(e.url))"/>
                <updated>\(UTCDate.internet(e.updated))</updated>
                <summary>\(Self.xml(e.summary))</summary>
                </entry>

                """
        }
        return out + "</feed>\n"
    }

    public func json() -> Data {
        struct Item: Encodable {
            var id, url, title, content_text, date_modified: String
        }
        struct Document: Encodable {
            var version = "https://jsonfeed.org/version/1.1"
            var title, home_page_url, feed_url: String
            var items: [Item]
        }
        let document = Document(
            title: title, home_page_url: homeURL, feed_url: feedURL,
            items: entries.map {
                Item(id: $0.id, url: $0.url, title: $0.title, content_text: $0.summary, date_modified: UTCDate.internet($0.updated))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A struct of strings always encodes.
        return try! encoder.encode(document)
    }
}
