import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

@Suite("Pages show who wrote each take, abstentions and take history")
struct ProvenancePageTests {
    /// The HTML of the element that opens with `marker`, up to the end of its section.
    static func section(_ html: String, from marker: String) -> String {
        guard let start = html.range(of: marker) else { return "" }
        let rest = html[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</section>")?.upperBound ?? rest.endIndex)])
    }

    @Test("A model-written take shows its model, prompt, facts hash, tokens, cost and latency")
    func provenanceLine() async throws {
        try await withModelPanel({ _, _ in .content(takeJSON("ship"), prompt: 1000, cached: 600, completion: 200) }) { app, _, _ in
            // setup
            _ = try await app.importYAML(Catalogs.two)
            _ = try await app.queueAll(["alpha"])
            try await app.testWorker().drain()
            let api = try await app.send(.GET, "/api/v1/tools/alpha").json
            let takes = try #require((api["panel"] as? [String: Any])?["takes"] as? [[String: Any]])
            let hash = try #require(takes.first?["facts_hash"] as? String)

            // MUT
            let page = try await app.send(.GET, "/tools/alpha").text

            // validate
            let panel = Self.section(page, from: "<h2>The panel</h2>")
            #expect(panel.components(separatedBy: #"class="take-provenance""#).count - 1 == 4)
            #expect(panel.contains("Written by <strong class=\"take-model\">fake-model-1</strong> via fake"))
            #expect(panel.contains("prompt <code>\(PanelPrompt.version)</code>"))
            #expect(panel.contains(">\(hash.prefix(8))</code>"))
            #expect(panel.contains("1,000 in (600 cached) / 200 out tokens"))
            // 400 uncached × $1 + 600 cached × $0.25 + 200 × $4, per million, to four decimals.
            #expect(panel.contains("$0.0013") || panel.contains("$0.0014"))
            #expect(panel.contains(" ms"))
            #expect(panel.contains("Relied on: </strong>api, pricing_published"))
            #expect(!panel.contains("Abstained"))
        }
    }

    @Test("Rubric takes keep their label and show no model line")
    func rubricTakes() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let page = try await app.send(.GET, "/tools/alpha").text
            #expect(page.contains(#"<span class="source""#) && page.contains(">rubric</span>"))
            #expect(!page.contains("take-provenance"))
            #expect(Self.section(page, from: #"id="history""#).contains("No earlier takes."))
        }
    }

    @Test("An abstaining persona shows as Abstained with its reason, on the tool page and the scorecard")
    func abstention() async throws {
        try await withModelPanel({ _, body in
            let persona = (body["messages"] as? [[String: String]])?.last?["content"] ?? ""
            return persona.contains("Buyer") ? .content("I think it is great, ship it!") : .content(takeJSON("ship"))
        }) { app, _, _ in
            // setup
            _ = try await app.importYAML(Catalogs.two)
            _ = try await app.queueAll(["beta"])
            try await app.testWorker().drain()

            // MUT
            let page = try await app.send(.GET, "/tools/beta").text
            let compare = try await app.send(.GET, "/compare/alpha-vs-beta").text

            // validate
            for html in [Self.section(page, from: "<h2>The panel</h2>"), Self.section(compare, from: "<h2>The full takes</h2>")] {
                #expect(html.contains("take take-abstain"))
                #expect(html.contains("badge badge-abstain"))
                #expect(html.contains("Abstained"))
                #expect(html.contains("no valid take after 3 replies"))
                #expect(html.contains("Not counted in panel ship."))
                #expect(html.contains("Asked <strong class=\"take-model\">fake-model-1</strong> via fake"))
            }
            #expect(page.contains("Panel ship 100% · 3 takes"))
            #expect(page.contains("1 abstained and is not counted"))
        }
    }

    @Test("After the facts change and the panel re-runs, history shows earlier takes and what changed")
    func history() async throws {
        // Ships on the first run, skips on the re-run.
        try await withModelPanel({ index, _ in .content(takeJSON(index < 4 ? "ship" : "skip")) }) { app, _, _ in
            // setup
            _ = try await app.importYAML(Catalogs.two)
            _ = try await app.queueAll(["alpha"])
            try await app.testWorker().drain()
            _ = try await app.importYAML(Catalogs.two.replacingOccurrences(of: "sdks: [python, typescript]", with: "sdks: [python]"))
            _ = try await app.queueAll(["alpha"])
            try await app.testWorker().drain()

            // MUT
            let history = Self.section(try await app.send(.GET, "/tools/alpha").text, from: #"id="history""#)

            // validate
            #expect(!history.contains("No earlier takes."))
            #expect(history.components(separatedBy: "<details").count - 1 == 4)
            #expect(history.contains("Verdict changed"))
            #expect(history.contains("Since the previous take: facts changed; the verdict was Ship."))
            #expect(history.contains("llm · fake-model-1 · prompt \(PanelPrompt.version)"))
            #expect(history.contains("author changed (rubric → llm)"))
            #expect(history.contains(#"class="history-current""#))
            #expect(
                history.range(
                    of: #"<time class="history-date" datetime="\d{4}-\d{2}-\d{2}">\d{4}-\d{2}-\d{2}</time>"#, options: .regularExpression)
                    != nil)
            #expect(history.contains(#"href="/api/v1/tools/alpha/history""#))
        }
    }

    @Test("The methodology page describes model-written takes as they are")
    func methodology() async throws {
        try await withTestApp { app in
            let page = try await app.send(.GET, "/methodology").text
            #expect(page.contains(##"<a href="#model-takes">Model-written takes</a>"##))
            #expect(page.contains(#"id="model-takes""#) && page.contains("abstains") && page.contains(PanelPrompt.version))
            #expect(!page.contains("not built yet"))
        }
    }

    @Test("Hostile text in a model's take, claims, model name and abstention reason is escaped")
    func escaping() async throws {
        let words = (0..<70).map { "word\($0)" }.joined(separator: " ")
        let take =
            #"{"verdict":"ship","conviction":"clear","flip":"<b>flip</b>","text":"<script>alert('take')</script> \#(words)","relied_on":["api","\"<img src=x onerror=alert(1)>\""]}"#
        let bad = #"{"verdict":"<script>alert('why')</script>","conviction":"clear","flip":null,"text":"\#(words)","relied_on":[]}"#
        try await withModelPanel({ _, body in
            let persona = (body["messages"] as? [[String: String]])?.last?["content"] ?? ""
            return .content(persona.contains("Buyer") ? bad : take)
        }) { app, _, backend in
            // setup
            var hostile = backend
            hostile.model = #"<i onmouseover="x">m</i>"#
            app.settings.llm = LLMConfig(backends: [hostile])
            _ = try await app.importYAML(Catalogs.two)
            _ = try await app.queueAll(["alpha"])
            try await app.testWorker().drain()
            let api = try await app.send(.GET, "/api/v1/tools/alpha").text
            #expect(api.contains("abstain") && api.contains("onerror"), "the hostile replies reached the page's data")

            for path in ["/tools/alpha", "/compare/alpha-vs-beta"] {
                // MUT
                let page = try await app.send(.GET, path).text

                // validate
                #expect(!page.contains("<script>alert"), "\(path) has a raw <script>")
                #expect(!page.contains("<img src=x"), "\(path) has a raw <img>")
                #expect(!page.contains("<b>flip</b>"), "\(path) has raw <b>")
                #expect(!page.contains("<i onmouseover"), "\(path) has a raw model name")
                #expect(page.contains("&lt;script&gt;alert("), "\(path) lost the take text")
                #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(path) lost the claim")
                #expect(page.contains("Abstained"))
                #expect(
                    page.contains("&lt;script&gt;alert(&#39;why&#39;)"),
                    "\(path) lost the abstention reason")
            }
        }
    }
}
