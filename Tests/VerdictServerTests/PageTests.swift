import Foundation
import Testing
import Vapor

@testable import VerdictServer

@Suite("Pages render, escape hostile text, and 404 properly")
struct PageTests {
    @Test(
        "Every page renders with the tool's numbers",
        arguments: [
            "/", "/tools/alpha", "/compare/alpha-vs-beta", "/compare/beta-vs-alpha", "/categories/developer-tools",
        ])
    func renders(path: String) async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let res = try await app.send(.GET, path)
            #expect(res.status == .ok)
            #expect(res.headers.contentType == .html)
            #expect(res.text.contains("Alpha"))
            #expect(res.text.contains("<footer"))
            #expect(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
        }
    }

    @Test("The comparison page has everything the reference page has")
    func comparePage() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let text = try await app.send(.GET, "/compare/beta-vs-alpha").text
            #expect(text.contains("Which one should you ship with?"))
            #expect(text.contains(#"rel="canonical" href="/compare/alpha-vs-beta""#))
            for needle in ["Panel ship", "Community", "Entry", "Contact sales", "Builder", "Skeptic", "Futurist", "Buyer", "Free"] {
                #expect(text.contains(needle), "missing \(needle)")
            }
            #expect(text.contains(#"action="/tools/alpha/vote""#) && text.contains(#"action="/tools/beta/vote""#))
        }
    }

    @Test("Hostile text in tools and takes is shown as text, never as markup")
    func escaping() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            _ = try await app.importYAML(Catalogs.hostile)
            for path in ["/", "/tools/evil", "/compare/alpha-vs-evil", "/categories/developer-tools"] {
                let text = try await app.send(.GET, path).text
                #expect(!text.contains("<script>"), "\(path) has a raw <script>")
                #expect(!text.contains("<img src=x"), "\(path) has a raw <img>")
                #expect(!text.contains("<b>flip</b>"), "\(path) has raw <b>")
            }
            let tool = try await app.send(.GET, "/tools/evil").text
            #expect(tool.contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"))
            let api = try await app.send(.GET, "/api/v1/tools/evil").json
            #expect(api["description"] as? String == #"<script>alert('xss')</script> & "quotes""#)
        }
    }

    @Test(
        "Unknown slugs give a 404 page, or JSON under /api",
        arguments: [
            "/tools/nope", "/compare/alpha-vs-nope", "/compare/nonsense", "/compare/alpha-vs-alpha", "/categories/nope", "/no/such/page",
        ])
    func notFound(path: String) async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let res = try await app.send(.GET, path)
            #expect(res.status == .notFound || res.status == .badRequest)
            #expect(res.headers.contentType == .html)
            #expect(res.text.contains("<footer"))
        }
    }

    @Test("JSON API: list, detail with panel and community, compare")
    func api() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let list = try await app.send(.GET, "/api/v1/tools").json["tools"] as? [[String: Any]]
            #expect(list?.map { $0["slug"] as? String } == ["alpha", "beta"])
            let first = try #require(list?.first)
            #expect(Set(first.keys).isSuperset(of: ["slug", "name", "category", "entry", "panel", "community"]))

            let detail = try await app.send(.GET, "/api/v1/tools/alpha")
            #expect(detail.text.contains(#""community":{"discounted":0,"ship":0,"ship_percent":null,"skip":0}"#))
            let panel = try #require(detail.json["panel"] as? [String: Any])
            let takes = try #require(panel["takes"] as? [[String: Any]])
            #expect(takes.count == 4)
            #expect(takes.map { $0["persona"] as? String } == ["builder", "skeptic", "futurist", "buyer"])
            #expect(takes.allSatisfy { $0["source"] as? String == "rubric" && $0.keys.contains("flip") })
            #expect(panel["ship"] as? Int == takes.filter { $0["verdict"] as? String == "ship" }.count)

            let compare = try await app.send(.GET, "/api/v1/compare/alpha/beta").json
            #expect((compare["tools"] as? [[String: Any]])?.count == 2)
            let rec = try #require(compare["recommendation"] as? [String: Any])
            #expect(rec.keys.contains("pick") && (rec["reason"] as? String)?.isEmpty == false)
            #expect(compare["split"] is [String])

            let missing = try await app.send(.GET, "/api/v1/compare/alpha/nope")
            #expect(missing.status == .notFound && missing.json["error"] as? String == "No tool with slug 'nope'")
        }
    }
}
