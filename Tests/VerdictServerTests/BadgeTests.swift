import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue #16, badges: `/badge/{slug}.svg` and the snippet on the tool page.
@Suite("Verdict badges")
struct BadgeTests {
    @Test("A badge is well-formed SVG with the tool's figures, cached with a strong ETag, and follows a vote at once")
    func badge() async throws {
        try await withTestApp(seedDemo: true) { app in
            let res = try await app.send(.GET, "/badge/gemini-2-5-flash.svg")
            #expect(res.status == .ok && res.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
            #expect(res.text.contains("Panel ship 75% · Community —"))
            #expect(XMLParser(data: Data(res.text.utf8)).parse(), "well-formed XML")
            let etag = try #require(res.headers.first(name: .eTag))
            var headers = HTTPHeaders()
            headers.add(name: .ifNoneMatch, value: etag)
            #expect(try await app.sendRaw(.GET, "/badge/gemini-2-5-flash.svg", headers: headers).status == .notModified)
            _ = try await app.send(.PUT, "/api/v1/tools/gemini-2-5-flash/vote", json: #"{"vote":"skip"}"#)
            #expect(try await app.send(.GET, "/badge/gemini-2-5-flash.svg").text.contains("Community 0%"))
            for bad in ["/badge/nope-tool.svg", "/badge/gemini-2-5-flash.png", "/badge/..svg"] {
                #expect(try await app.send(.GET, bad).status == .notFound, "\(bad)")
            }
            let page = try await app.send(.GET, "/tools/gemini-2-5-flash")
            #expect(page.text.contains("Embed this verdict") && page.text.contains(#"src="/badge/gemini-2-5-flash.svg""#))
            #expect(
                page.text.contains(
                    "&lt;a href=&quot;http://127.0.0.1:8080/tools/gemini-2-5-flash&quot;&gt;&lt;img src=&quot;http://127.0.0.1:8080/badge/gemini-2-5-flash.svg&quot;"
                ))
        }
    }

    @Test("Colours and words follow the figures", arguments: [(100, "#17672f"), (75, "#17672f"), (50, "#8a5a00"), (0, "#a3221a")])
    func colours(panel: Int, colour: String) {
        let svg = Badge.svg(panel: panel, community: 62)
        #expect(svg.contains(colour) && svg.contains("Panel ship \(panel)% · Community 62%"))
        #expect(Badge.svg(panel: nil, community: nil).contains("Panel ship — · Community —"))
    }
}

/// Issue #16: schema.org JSON-LD, Open Graph and Twitter tags, the comparison's share image.
@Suite("Structured data and sharing")
struct SharingTests {
    static func jsonLD(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let text = String(html[start.upperBound..<end.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("Tool pages carry a SoftwareApplication with the personas' reviews, and an AggregateRating only once readers vote")
    func jsonLD() async throws {
        try await withTestApp(seedDemo: true) { app in
            let before = try Self.jsonLD(try await app.send(.GET, "/tools/gemini-2-5-flash").text)
            #expect(before["@type"] as? String == "SoftwareApplication" && before["name"] as? String == "Gemini 2.5 Flash")
            #expect((before["review"] as? [[String: Any]])?.count == 4 && before["aggregateRating"] == nil)
            #expect(before["url"] as? String == "http://127.0.0.1:8080/tools/gemini-2-5-flash")
            _ = try await app.send(.PUT, "/api/v1/tools/gemini-2-5-flash/vote", json: #"{"vote":"ship"}"#)
            let page = try await app.send(.GET, "/tools/gemini-2-5-flash").text
            let after = try Self.jsonLD(page)
            let rating = try #require(after["aggregateRating"] as? [String: Any])
            #expect(rating["ratingCount"] as? Int == 1 && rating["ratingValue"] as? Int == 100)
            #expect(page.contains(#"<meta property="og:title" content="Gemini 2.5 Flash: ship or skip?"/>"#))
            #expect(page.contains(#"<meta name="twitter:card" content="summary"/>"#))
        }
    }

    @Test("Hostile names cannot close the data block; comparisons share a generated SVG card")
    func hostileAndCard() async throws {
        try await withTestApp(seedDemo: true) { app in
            _ = try await app.importYAML(
                """
                tools:
                  - {slug: evil, name: "</script><script>alert(1)</script> & co", category: Language Models, description: "x", entry: free}
                """)
            let page = try await app.send(.GET, "/tools/evil").text
            #expect(page.components(separatedBy: "</script>").count == 2, "only the data block's own end tag")
            #expect(try Self.jsonLD(page)["name"] as? String == "</script><script>alert(1)</script> & co")

            let compare = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-smollm3").text
            #expect(
                compare.contains(
                    #"<meta property="og:image" content="http://127.0.0.1:8080/compare/gemini-2-5-flash-vs-smollm3/card.svg"/>"#))
            let card = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-smollm3/card.svg")
            #expect(card.status == .ok && card.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
            #expect(XMLParser(data: Data(card.text.utf8)).parse() && card.text.contains("Gemini 2.5 Flash"))
            let evil = try await app.send(.GET, "/compare/evil-vs-smollm3/card.svg")
            #expect(XMLParser(data: Data(evil.text.utf8)).parse() && !evil.text.contains("<script>"))
            #expect(try await app.send(.GET, "/compare/nope-vs-smollm3/card.svg").status == .notFound)
        }
    }
}
