import Foundation
import Testing

@testable import VerdictCore

@Suite("Search text, typos and filters")
struct SearchTextTests {
    @Test("Words are lowercased, accents folded, split on everything else; syntax never survives")
    func words() {
        #expect(SearchText.words("GPT-4.1 mini") == ["gpt", "4", "1", "mini"])
        #expect(SearchText.words("Café Négociant") == ["cafe", "negociant"])
        #expect(SearchText.words(#""NEAR(* OR {name}: x' -- ;DROP"#) == ["near", "or", "name", "x", "drop"])
        #expect(SearchText.words("   ") == [])
        #expect(SearchText.words(String(repeating: "a", count: 100)) == [String(repeating: "a", count: 40)])
    }

    @Test(
        "Distance counts edits and adjacent swaps, and gives up above the limit",
        arguments: [
            ("claude", "clade", 1, 1), ("gemini", "gemnii", 1, 1), ("gemini", "gmeini", 1, 1), ("mistral", "mistarl", 1, 1),
            ("kitten", "sitting", 3, 3), ("kitten", "sitting", 2, nil), ("abc", "abc", 0, 0), ("", "ab", 2, 2), ("ab", "", 1, nil),
        ] as [(String, String, Int, Int?)])
    func distance(_ a: String, _ b: String, _ limit: Int, _ expected: Int?) {
        #expect(SearchText.distance(a, b, limit: limit) == expected)
    }

    @Test("Corrections: the closest name words within the allowed typos; short words are never corrected")
    func corrections() {
        let names = ["claude", "cloud", "gemini", "gemma", "llama", "mistral", "perplexity"]
        #expect(SearchText.corrections(of: "clade", among: names) == ["claude"])
        #expect(SearchText.corrections(of: "gemnii", among: names) == ["gemini"])
        #expect(SearchText.corrections(of: "perplxeity", among: names) == ["perplexity"])
        #expect(SearchText.corrections(of: "lama", among: names) == ["llama"])
        #expect(SearchText.corrections(of: "gpt", among: ["gpu", "gpt4"]) == [], "three letters: no typo allowed")
        #expect(SearchText.corrections(of: "zzzzzz", among: names) == [])
    }

    @Test("Match expressions are built from words only, in both engines' syntax")
    func expressions() {
        let match = SearchMatch(groups: [["gemini"], ["flsh", "flash"]])
        #expect(match.fts5(.anywhere) == #"("gemini"*) AND ("flsh"* OR "flash"*)"#)
        #expect(match.fts5(.name) == #"{name} : (("gemini"*) AND ("flsh"* OR "flash"*))"#)
        #expect(match.fts5(.nameOrMeta) == #"{name meta} : (("gemini"*) AND ("flsh"* OR "flash"*))"#)
        #expect(match.tsquery(.anywhere) == "(gemini:*) & (flsh:* | flash:*)")
        #expect(match.tsquery(.name) == "(gemini:*A) & (flsh:*A | flash:*A)")
        #expect(match.tsquery(.nameOrMeta) == "(gemini:*AB) & (flsh:*AB | flash:*AB)")
        #expect(match.exactName == "gemini flsh")
    }

    @Test(
        "Filters parse from query parameters; each bad value is refused naming the parameter",
        arguments: [
            ("entry", "cheap", "'entry'"), ("open_weights", "maybe", "'open_weights'"), ("min_context", "-5", "'min_context'"),
            ("min_context", "12abc", "'min_context'"), ("max_input_price", "1abc", "'max_input_price'"),
            ("max_input_price", "-1", "'max_input_price'"), ("verdict", "maybe", "'verdict'"), ("min_community", "101", "'min_community'"),
            ("released_after", "2025-13", "'released_after'"), ("released_after", "yesterday", "'released_after'"),
            ("category", "../etc", "'category'"), ("modality", "im age", "'modality'"),
            ("q", String(repeating: "x", count: 201), "'q'"), ("q", Array(repeating: "w", count: 11).joined(separator: " "), "'q'"),
        ])
    func badFilters(_ name: String, _ value: String, _ named: String) {
        #expect(throws: SearchFilters.Problem.self) { try SearchFilters.parse([name: value]) }
        do { _ = try SearchFilters.parse([name: value]) } catch { #expect(error.message.contains(named)) }
    }

    @Test("Good filters round-trip through their parameters")
    func goodFilters() throws {
        let values = [
            "q": "open video", "category": "video-generation", "entry": "paid", "open_weights": "true", "license": "Apache-2.0",
            "modality": "Video", "min_context": "128000", "max_input_price": "0.10", "verdict": "ship", "min_community": "60",
            "released_after": "2025-02-14",
        ]
        let f = try SearchFilters.parse(values)
        #expect(
            f.license == "apache-2.0" && f.modality == "video" && f.releasedAfter == "2025-02" && f.maxInputPrice == Decimal(string: "0.1"))
        #expect(try SearchFilters.parse(Dictionary(uniqueKeysWithValues: f.parameters.map { ($0.name, $0.value) })) == f)
        #expect(try SearchFilters.parse(["q": "  ", "entry": ""]).isEmpty)
        #expect(SearchFilters.verdict(panelShipPercent: 75) == .ship && SearchFilters.verdict(panelShipPercent: 50) == .split)
        #expect(SearchFilters.verdict(panelShipPercent: 0) == .skip && SearchFilters.verdict(panelShipPercent: nil) == nil)
    }
}
