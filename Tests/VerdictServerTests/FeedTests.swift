import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue #16, feeds: Atom and JSON Feed of new tools and verdict changes, site-wide and per
/// category. (`.ci/feeds.py` also parses them with feedparser from PyPI.)
@Suite("Feeds")
struct FeedTests {
    @Test("Atom and JSON Feed list new tools and verdict changes, newest first, per category too; bad input is named")
    func feeds() async throws {
        try await withTestApp(seedDemo: true) { app in
            let atom = try await app.send(.GET, "/feed.atom")
            #expect(atom.status == .ok && atom.headers.contentType?.description.hasPrefix("application/atom+xml") == true)
            #expect(XMLParser(data: Data(atom.text.utf8)).parse(), "well-formed XML")
            #expect(atom.text.components(separatedBy: "<entry>").count - 1 == 43)
            #expect(atom.text.contains("<title>New: Gemini 2.5 Flash</title>"))
            #expect(atom.text.contains(#"href="http://127.0.0.1:8080/tools/gemini-2-5-flash""#))

            let json = try await app.send(.GET, "/feed.json?category=language-models")
            #expect(json.headers.contentType?.description.hasPrefix("application/feed+json") == true)
            #expect(json.json["version"] as? String == "https://jsonfeed.org/version/1.1")
            let items = try #require(json.json["items"] as? [[String: Any]])
            #expect(items.count == 10 && items.allSatisfy { ($0["url"] as? String)?.hasPrefix("http://127.0.0.1:8080/tools/") == true })
            #expect(json.json["title"] as? String == "Verdict: Language Models")

            // The cached feed follows the next import.
            _ = try await app.importYAML("tools:\n  - {slug: zeta, name: Zeta, category: Language Models, description: New., entry: free}")
            #expect(try await app.send(.GET, "/feed.atom").text.contains("<title>New: Zeta</title>"))
            #expect(try await app.send(.GET, "/feed.json?category=language-models").text.contains("New: Zeta"))
            #expect(try await app.send(.GET, "/feed.atom?category=nope").status == .notFound)
            #expect(try await app.send(.GET, "/feed.atom?category=%3Cx%3E").status == .badRequest)
            #expect(try await app.send(.GET, "/").text.contains(#"type="application/atom+xml""#))
        }
    }

    @Test("Hostile text is escaped for XML and control characters are dropped")
    func escaping() {
        let feed = Feed(
            title: "A & B", feedURL: "https://v.example/feed.atom", homeURL: "https://v.example/",
            entries: [
                FeedEntry(
                    id: "tag:x", title: "<script>alert(1)</script>\u{1}", url: "https://v.example/tools/a?x=1&y=2",
                    updated: Date(timeIntervalSince1970: 0), summary: "\"quoted\" 'single'")
            ])
        let atom = feed.atom()
        #expect(atom.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>") && atom.contains("x=1&amp;y=2"))
        #expect(XMLParser(data: Data(atom.utf8)).parse())
        #expect(atom.contains("<updated>1970-01-01T00:00:00Z</updated>"))
    }
}

/// Issue #16, the sitemap: an index of parts of at most 50,000 URLs.
@Suite("Sitemap")
struct SitemapTests {
    @Test("The index names its parts; the parts list pages, categories, leaders' comparisons and every listed tool")
    func sitemap() async throws {
        try await withTestApp(seedDemo: true) { app in
            let index = try await app.send(.GET, "/sitemap.xml")
            #expect(index.status == .ok && XMLParser(data: Data(index.text.utf8)).parse())
            #expect(index.text.contains("<loc>http://127.0.0.1:8080/sitemap.xml?part=pages</loc>"))
            #expect(index.text.contains("<loc>http://127.0.0.1:8080/sitemap.xml?part=tools&amp;page=1</loc>"))
            let pages = try await app.send(.GET, "/sitemap.xml?part=pages")
            #expect(XMLParser(data: Data(pages.text.utf8)).parse())
            #expect(pages.text.contains("<loc>http://127.0.0.1:8080/categories/language-models</loc>"))
            #expect(pages.text.contains("<loc>http://127.0.0.1:8080/compare/"))
            let tools = try await app.send(.GET, "/sitemap.xml?part=tools&page=1")
            #expect(tools.text.components(separatedBy: "<url>").count - 1 == 43)
            #expect(tools.text.contains("<loc>http://127.0.0.1:8080/tools/gemini-2-5-flash</loc><lastmod>"))
            #expect(try await app.send(.GET, "/sitemap.xml?part=tools&page=2").status == .notFound)
            #expect(try await app.send(.GET, "/sitemap.xml?part=secrets").status == .badRequest)
        }
    }

    @Test("A URL set never holds more than 50,000 URLs")
    func capped() {
        let entries = (0..<50_002).map { Sitemap.Entry(url: "https://v.example/tools/t\($0)") }
        #expect(Sitemap.urlSet(entries).components(separatedBy: "<url>").count - 1 == 50_000)
    }
}
