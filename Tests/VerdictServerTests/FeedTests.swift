import Foundation
import Testing
import Vapor
import VerdictCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import VerdictServer

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
