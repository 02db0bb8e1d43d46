import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Issue #14: `/tools`, `/categories` and `/compare` instead of 404s, and the tool page's picker.
@Suite("Index pages and the compare-with picker")
struct IndexPagesTests {
    @Test("/tools pages through every listed tool A–Z; /categories lists them with counts; /compare pairs each category's leaders")
    func indexes() async throws {
        try await withTestApp(seedDemo: true) { app in
            let tools = try await app.send(.GET, "/tools")
            #expect(tools.status == .ok && tools.text.contains("Every tool, A–Z"))
            #expect(tools.text.contains(#"href="/tools/assemblyai""#) && tools.text.contains(#"href="/tools/windsurf""#))
            #expect(!tools.text.contains("rel=\"next\""), "43 tools fit on one page")
            let after = try await app.send(.GET, "/tools?after=veo-3")
            #expect(after.text.contains(#"href="/tools/vllm""#) && !after.text.contains(#"href="/tools/assemblyai""#))
            #expect(try await app.send(.GET, "/tools?after=..%2Fx").status == .badRequest)

            let categories = try await app.send(.GET, "/categories")
            #expect(categories.status == .ok && categories.text.contains(#"href="/categories/language-models""#))
            #expect(categories.text.contains("10 tools"))

            let compare = try await app.send(.GET, "/compare")
            #expect(compare.status == .ok && compare.text.contains("Comparisons worth reading"))
            #expect(compare.text.contains("/compare/"))
            #expect(try await app.send(.GET, "/compare?page=2").status == .notFound)
        }
    }

    @Test("The tool page's picker is a GET form; /compare?a=&b= redirects to the comparison, and bad input is named")
    func picker() async throws {
        try await withTestApp(seedDemo: true) { app in
            let page = try await app.send(.GET, "/tools/gemini-2-5-flash")
            #expect(page.text.contains(#"<form class="compare-picker" method="get" action="/compare">"#))
            #expect(page.text.contains(#"<option value="smollm3" label="SmolLM3">"#) || page.text.contains(#"value="smollm3""#))
            let go = try await app.send(.GET, "/compare?a=gemini-2-5-flash&b=smollm3")
            #expect(go.status == .seeOther && go.headers.first(name: .location) == "/compare/gemini-2-5-flash-vs-smollm3")
            for bad in ["a=gemini-2-5-flash&b=gemini-2-5-flash", "a=gemini-2-5-flash", "a=x&b=%3Cscript%3E"] {
                let res = try await app.send(.GET, "/compare?\(bad)")
                #expect(res.status == .badRequest && res.text.contains("two different tool slugs"), "\(bad)")
            }
        }
    }

    @Test("The comparison answers first: figures and the recommendation, then the persona × tool grid, then the question")
    func atAGlance() async throws {
        try await withTestApp(seedDemo: true) { app in
            let page = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-gpt-4-1-mini").text
            let order = [
                "glance-table", "recommendation-pick", "The panel at a glance", "Which would you ship with?</h2>", "The full takes",
            ]
            let positions = order.map { page.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil }, "\(order)")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
            #expect(page.contains("<th scope=\"row\">Panel ship</th><td>75% · 4 takes</td><td>25% · 4 takes</td>"))
            #expect(page.contains(##"href="#pick""##))
            #expect(
                Compare.View.oneLine("Intro here. The one decision that wins it is the API. Ship, clearly. No single fact would flip it.")
                    == "The one decision that wins it is the API. Ship, clearly.")
            let picked = try await app.send(.POST, "/compare/gemini-2-5-flash-vs-gpt-4-1-mini/vote", form: "pick=gpt-4-1-mini")
            #expect(picked.headers.first(name: .location) == "/compare/gemini-2-5-flash-vs-gpt-4-1-mini?picked=1#pick")
        }
    }
}

/// Issue #16: per-persona pages.
@Suite("Persona pages")
struct PersonaPageTests {
    @Test("Each persona's page says who it is, what it weighs, its ship rate, its disagreement with the community and its latest takes")
    func personas() async throws {
        try await withTestApp(seedDemo: true) { app in
            // Ten skip votes on a tool the Builder ships: one disagreement out of one compared.
            let builderShips = try #require(
                try await TakeModel.latest(persona: .builder, limit: 200, on: app.db).first { $0.verdict == "ship" })
            _ = try await app.send(.PUT, "/api/v1/tools/\(builderShips.slug)/vote", json: #"{"vote":"skip"}"#)
            let record = try await TakeModel.record(persona: .builder, on: app.db)
            #expect(record.ship + record.skip == 43 && record.compared == 1 && record.disagreements == 1)
            let page = try await app.send(.GET, "/personas/builder")
            #expect(page.status == .ok && page.text.contains("The developer who has to integrate it."))
            #expect(page.text.contains("Ships \(wholePercent(record.ship, of: 43)!)% of the 43 listed tools it has judged"))
            #expect(page.text.contains("Disagrees with the community&#39;s majority on 1 of 1 tools (100%)"))
            #expect(page.text.contains("What it weighs") && page.text.contains("api (−3…+3)"))
            #expect(page.text.components(separatedBy: "<li><p><a href=\"/tools/").count - 1 == 20)
            // The cached page follows the next vote anywhere in the catalog.
            let another = try #require(
                try await TakeModel.latest(persona: .builder, limit: 200, on: app.db).last {
                    $0.verdict == "ship" && $0.slug != builderShips.slug
                })
            _ = try await app.send(.PUT, "/api/v1/tools/\(another.slug)/vote", json: #"{"vote":"skip"}"#)
            #expect(try await app.send(.GET, "/personas/builder").text.contains("on 2 of 2 tools (100%)"))
            #expect(try await app.send(.GET, "/personas/critic").status == .notFound)
            #expect(try await app.send(.GET, "/tools/gemini-2-5-flash").text.contains(#"<a href="/personas/skeptic">Skeptic</a>"#))
        }
    }
}

/// Issue #14, small things a reader notices: dates, explanations in words, the archive linked.
@Suite("Small things a reader notices")
struct ReaderDetailsTests {
    @Test("Tool pages date the facts and the takes; labels are explained on the page, not only on hover; past issues are linked")
    func details() async throws {
        try await withTestApp(seedDemo: true) { app in
            let tool = try await app.send(.GET, "/tools/gemini-2-5-flash").text
            #expect(tool.contains("Facts last changed 20") && tool.contains("takes written 20"))
            #expect(tool.contains("narrow: a close call"))
            let compare = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-gpt-4-1-mini").text
            #expect(compare.contains("Split: the persona ships one tool and skips the other."))
            #expect(tool.contains(#"<a href="/newsletter">Past issues</a>"#))
        }
    }
}
