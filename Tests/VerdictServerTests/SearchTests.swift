import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Issue #16: full-text search with filters, the same on SQLite and PostgreSQL (CI runs this
/// suite on both, against the same expectations), kept current inside every write.
@Suite("Search")
struct SearchTests {
    static func results(_ app: Application, _ query: String) async throws -> (slugs: [String], places: [String], answer: [String: Any]) {
        let res = try await app.send(.GET, "/api/v1/search?\(query)")
        #expect(res.status == .ok, "\(query): \(res.text.prefix(300))")
        let rows = res.json["results"] as? [[String: Any]] ?? []
        return (rows.compactMap { $0["slug"] as? String }, rows.map { $0["matched_in"] as? String ?? "-" }, res.json)
    }

    @Test("Ranking: exact name, then name, then vendor or tagline, then text; within each, panel, community, the rubric's standing, slug")
    func ranking() async throws {
        try await withTestApp(seedDemo: true) { app in
            let expected: [(String, [String], [String])] = [
                (
                    "q=claude", ["claude-code", "claude-haiku-4-5", "gemini-2-5-flash", "gpt-4-1-mini"],
                    ["name", "name", "description or takes", "description or takes"]
                ),
                (
                    "q=gemini%20flash", ["gemini-2-5-flash", "gpt-4-1-mini", "claude-haiku-4-5"],
                    ["name", "description or takes", "description or takes"]
                ),
                (
                    "q=speech", ["whisper", "deepgram", "assemblyai", "elevenlabs", "suno"],
                    ["vendor or tagline", "vendor or tagline", "vendor or tagline", "vendor or tagline", "description or takes"]
                ),
                (
                    "q=search", ["brave-search-api", "tavily", "exa", "glean", "perplexity", "elicit"],
                    ["name", "vendor or tagline", "vendor or tagline", "vendor or tagline", "description or takes", "description or takes"]
                ),
                ("q=GPT-4.1%20Mini&limit=2", ["gpt-4-1-mini", "mistral-small-3-1"], ["exact name", "description or takes"]),
                ("q=code&limit=3", ["claude-code", "cursor", "tabnine"], ["name", "vendor or tagline", "vendor or tagline"]),
            ]
            for (query, slugs, places) in expected {
                let got = try await Self.results(app, query)
                #expect(got.slugs == slugs, "\(query)")
                #expect(got.places == places, "\(query)")
            }
        }
    }

    @Test("Small typos in names are forgiven and said; unknown words find nothing; short words are not guessed")
    func typos() async throws {
        try await withTestApp(seedDemo: true) { app in
            let clade = try await Self.results(app, "q=clade")
            #expect(clade.slugs.prefix(2) == ["claude-code", "claude-haiku-4-5"])
            #expect((clade.answer["corrected"] as? [String: [String]]) == ["clade": ["claude"]])
            let swapped = try await Self.results(app, "q=gemnii")
            #expect(swapped.slugs.first == "gemini-2-5-flash")
            #expect(try await Self.results(app, "q=zzqxv").slugs.isEmpty)
            #expect(try await Self.results(app, "q=gtp").slugs.isEmpty, "three letters are not corrected")
            let page = try await app.send(.GET, "/search?q=clade")
            #expect(page.text.contains("showing results for claude"))
        }
    }

    @Test("Every filter, alone and combined, gives exactly what a brute-force pass over the same rows gives, in the same order")
    func filtersAgainstBruteForce() async throws {
        try await withTestApp(seedDemo: true) { app in
            _ = try await app.send(.PUT, "/api/v1/tools/whisper/vote", json: #"{"vote":"ship"}"#)
            _ = try await app.send(.PUT, "/api/v1/tools/gemma-3/vote", json: #"{"vote":"skip"}"#)
            let rows = try await BruteForce.rows(app)
            var options: [[(String, String)]] = [
                [("category", "language-models"), ("category", "speech-to-text"), ("category", "coding-assistants")],
                [("entry", "free"), ("entry", "freemium"), ("entry", "paid"), ("entry", "contact")],
                [("open_weights", "true"), ("open_weights", "false")],
                [("license", "apache-2.0"), ("license", "MIT"), ("license", "proprietary")],
                [("modality", "image"), ("modality", "audio"), ("modality", "video"), ("modality", "code")],
                [("min_context", "128000"), ("min_context", "1000000")],
                [("max_input_price", "0"), ("max_input_price", "0.5"), ("max_input_price", "3")],
                [("verdict", "ship"), ("verdict", "split"), ("verdict", "skip")],
                [("min_community", "0"), ("min_community", "50")],
                [("released_after", "2024-12"), ("released_after", "2025-06-15")],
                [("q", "open"), ("q", "model"), ("q", "fast code")],
            ]
            var random = SeededGenerator(seed: 16)
            var cases: [[(String, String)]] = options.flatMap { $0.map { [$0] } }
            for _ in 0..<120 {
                options.shuffle(using: &random)
                let k = Int.random(in: 2...4, using: &random)
                cases.append(options.prefix(k).map { $0.randomElement(using: &random)! })
            }
            var nonEmpty = 0
            for filters in cases {
                let query = filters.map { "\($0.0)=\(SiteURL.queryEscaped($0.1))" }.joined(separator: "&")
                var slugs: [String] = []
                var path: String? = "/api/v1/search?\(query)&limit=50"
                while let next = path {
                    let res = try await app.send(.GET, next)
                    #expect(res.status == .ok, "\(query)")
                    slugs += (res.json["results"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
                    path = res.json["next"] as? String
                }
                let expected = BruteForce.filter(rows, Dictionary(filters, uniquingKeysWith: { a, _ in a }))
                #expect(slugs == expected, "\(query)")
                if !expected.isEmpty { nonEmpty += 1 }
            }
            #expect(nonEmpty > cases.count / 3, "the cases must select something often enough to mean anything")
        }
    }

    @Test("Writes keep the index current in their own transaction: edits, retirements, votes and takes")
    func staysCurrent() async throws {
        try await withTestApp(seedDemo: true) { app in
            #expect(try await Self.results(app, "q=zephyrine").slugs.isEmpty)
            _ = try await app.importYAML(
                """
                tools:
                  - slug: zephyr-lab
                    name: Zephyrine Lab
                    category: Language Models
                    description: 'A hostile <script>alert(1)</script> description that says "NEAR(*" OR {name}: x.'
                    entry: paid
                    facts:
                      open_weights: true
                      license: MIT
                      modalities: [text]
                      context_window: 4096
                      launched: "2026-11"
                """)
            let found = try await Self.results(app, "q=zephyrine")
            #expect(found.slugs == ["zephyr-lab"] && found.places == ["name"])
            #expect(try await Self.results(app, "q=zephyrine&released_after=2026-10&license=mit&open_weights=true").slugs == ["zephyr-lab"])
            // The rubric's takes are indexed too: the tool's own takes mention its licence.
            let takes = try await TakeModel.current(
                forTools: [try #require(try await ToolModel.find(slug: "zephyr-lab", on: app.db)?.id)], on: app.db)
            let word = try #require(SearchText.words(takes.values.first?.takes.first?.text ?? "").first { $0.count > 6 })
            #expect(try await Self.results(app, "q=\(word)&category=language-models").slugs.contains("zephyr-lab"))

            _ = try await app.send(.PUT, "/api/v1/tools/zephyr-lab/vote", json: #"{"vote":"ship"}"#)
            #expect(try await Self.results(app, "q=zephyrine&min_community=100").slugs == ["zephyr-lab"])

            _ = try await ToolDesk.setRetired(true, slug: "zephyr-lab", actor: "test", app: app)
            #expect(try await Self.results(app, "q=zephyrine").slugs.isEmpty, "retired tools leave search")
            _ = try await ToolDesk.setRetired(false, slug: "zephyr-lab", actor: "test", app: app)
            #expect(try await Self.results(app, "q=zephyrine").slugs == ["zephyr-lab"])
        }
    }

    @Test("Hostile and bad input: engine syntax is never syntax, bad filters are named, the page escapes the query")
    func hostile() async throws {
        try await withTestApp(seedDemo: true) { app in
            for q in [
                #"%22NEAR(*"#, "%7Bname%7D%3A%20x", "OR%20AND%20NOT", "%27%3B%20DROP%20TABLE%20tools%3B--", "%2A", "-claude",
                "%F0%9F%A4%96", "%00",
            ] {
                let res = try await app.send(.GET, "/api/v1/search?q=\(q)")
                #expect(res.status == .ok, "\(q): \(res.text.prefix(200))")
            }
            #expect(try await Self.results(app, "q=-claude").slugs.first == "claude-code")
            for (query, named) in [
                ("entry=cheap", "'entry'"), ("min_context=abc", "'min_context'"), ("page=0", "'page'"), ("page=51", "'page'"),
                ("limit=500", "'limit'"), ("released_after=", "'released_after' is empty"), ("entry=", "'entry' is empty"),
                ("q=\(String(repeating: "x", count: 201))", "'q'"),
            ] {
                let res = try await app.send(.GET, "/api/v1/search?\(query)")
                #expect(res.status == .badRequest && res.text.contains(named), "\(query)")
            }
            let page = try await app.send(.GET, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&entry=cheap")
            #expect(page.status == .badRequest && page.text.contains("must be free, freemium, paid or contact"))
            let escaped = try await app.send(.GET, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(escaped.status == .ok && !escaped.text.contains("<script>alert(1)") && escaped.text.contains("&lt;script&gt;"))
        }
    }

    @Test("The page: a search box on every page, results with where they matched, pages linked both ways")
    func page() async throws {
        try await withTestApp(seedDemo: true) { app in
            for path in ["/", "/tools/gemini-2-5-flash", "/leaderboard", "/methodology", "/categories/language-models"] {
                #expect(
                    try await app.send(.GET, path).text.contains(#"<form class="site-search" method="get" action="/search""#), "\(path)")
            }
            // The form sends every field; empty ones mean any on the page.
            let form = try await app.send(
                .GET,
                "/search?q=clade&category=&entry=&open_weights=&license=&modality=&min_context=&max_input_price=&verdict=&min_community=&released_after="
            )
            #expect(form.status == .ok && form.text.contains("showing results for claude"))
            let first = try await app.send(.GET, "/search?q=model&verdict=ship")
            #expect(first.status == .ok && first.text.contains("Found in the"))
            #expect(
                first.text.contains(#"href="/search?q=model&amp;verdict=ship&amp;page=2""#)
                    || first.text.contains(#"href="/search?q=model&verdict=ship&page=2""#))
            let second = try await app.send(.GET, "/search?q=model&verdict=ship&page=2")
            #expect(second.text.contains("← Previous"))
            let api = try await app.send(.GET, "/api/v1/search?q=model&verdict=ship&limit=5")
            #expect((api.json["next"] as? String) == "/api/v1/search?q=model&verdict=ship&page=2&limit=5")
        }
    }
}
