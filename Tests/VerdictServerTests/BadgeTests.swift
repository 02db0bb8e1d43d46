import Foundation
import Testing
import Vapor
import VerdictCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import VerdictServer

/// Issue #16, badges: `/badge/{slug}.svg` and the snippet on the tool page.
@Suite("Verdict badges")
struct BadgeTests {
    @Test("A badge is well-formed SVG with the tool's figures, cached with a strong ETag, and follows a vote at once")
    func badge() async throws {
        try await withTestApp(seedDemo: true) { app in
            let res = try await app.send(.GET, "/badge/gemini-2-5-flash.svg")
            #expect(res.status == .ok && res.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
            #expect(res.text.contains("Panel ship 100% · Community —"))
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
            #expect(page.text.contains("&lt;a href=&quot;http://127.0.0.1:8080/tools/gemini-2-5-flash&quot;&gt;&lt;img src=&quot;http://127.0.0.1:8080/badge/gemini-2-5-flash.svg&quot;"))
        }
    }

    @Test("Colours and words follow the figures", arguments: [(100, "#17672f"), (75, "#17672f"), (50, "#8a5a00"), (0, "#a3221a")])
    func colours(panel: Int, colour: String) {
        let svg = Badge.svg(panel: panel, community: 62)
        #expect(svg.contains(colour) && svg.contains("Panel ship \(panel)% · Community 62%"))
        #expect(Badge.svg(panel: nil, community: nil).contains("Panel ship — · Community —"))
    }
}
