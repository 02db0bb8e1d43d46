import Foundation
import Testing

@testable import VerdictCore

@Suite("Import validation names the entry, the field and what was expected")
struct ImportTests {
    static let goodTool = #"{"slug":"smollm3","name":"SmolLM3","category":"Language Models","description":"Small.","entry":"free"}"#

    func validate(_ json: String, known: Set<String> = []) throws(ImportFailure) -> CatalogImport {
        let value = try CatalogImport.parseJSON(Data(json.utf8), source: "test.json")
        return try CatalogImport.validate(value, source: "test.json", knownSlugs: known)
    }

    func problems(_ json: String, known: Set<String> = []) -> [ImportProblem] {
        do {
            _ = try validate(json, known: known)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("A valid file yields tools and editorial takes")
    func valid() throws {
        let plan = try validate(
            #"""
            {"tools":[\#(Self.goodTool)],
             "takes":[{"tool":"smollm3","persona":"builder","verdict":"ship","conviction":"narrow","flip":"if the licence changes","text":"Fine."}]}
            """#)
        #expect(plan.tools.map(\.slug) == ["smollm3"])
        #expect(
            plan.takes.first?.take
                == Take(
                    persona: .builder, verdict: .ship, conviction: .narrow, flip: "if the licence changes", text: "Fine.",
                    source: .editorial))
    }

    @Test(
        "Each kind of bad input gets a message with entry, field and expectation",
        arguments: [
            (
                #"{"tools":[{"slug":"x","name":"X","category":"C","description":"D","entry":"cheap"}]}"#,
                #"tools[0] (slug "x"), field 'entry': expected one of free | freemium | paid | contact, got "cheap""#
            ),
            (
                #"{"tools":[{"slug":"x","category":"C","description":"D","entry":"free"}]}"#,
                #"tools[0] (slug "x"), field 'name': is required (text)"#
            ),
            (
                #"{"tools":[{"slug":"a-vs-b","name":"X","category":"C","description":"D","entry":"free"}]}"#,
                #"tools[0] (slug "a-vs-b"), field 'slug': must not contain "-vs-""#
            ),
            (
                #"{"tools":[{"slug":"Bad Slug","name":"X","category":"C","description":"D","entry":"free"}]}"#,
                #"field 'slug': expected lowercase letters, digits and single hyphens"#
            ),
            (
                #"{"tools":[\#(goodTool),\#(goodTool)]}"#,
                #"tools[1] (slug "smollm3"), field 'slug': duplicate slug; tools[0] has it too"#
            ),
            (
                #"{"takes":[{"tool":"nope","persona":"builder","verdict":"ship","text":"t"}]}"#,
                #"takes[0] (tool "nope"), field 'tool': no tool with slug "nope" in this file or in the catalog"#
            ),
            (
                #"{"tools":[\#(goodTool)],"takes":[{"tool":"smollm3","persona":"critic","verdict":"ship","text":"t"}]}"#,
                #"takes[0] (tool "smollm3"), field 'persona': expected one of builder | skeptic | futurist | buyer, got "critic""#
            ),
            (
                #"{"tools":[\#(goodTool)],"takes":[{"tool":"smollm3","persona":"buyer","verdict":"maybe","text":"t"}]}"#,
                #"field 'verdict': expected one of ship | skip, got "maybe""#
            ),
            (
                #"{"tools":[\#(goodTool)],"takes":[{"tool":"smollm3","persona":"buyer","verdict":"ship"}]}"#,
                #"takes[0] (tool "smollm3"), field 'text': is required (text)"#
            ),
            (
                #"{"tools":[{"slug":"x","name":"X","category":"C","description":"D","entry":"free","facts":{"api":"yes"}}]}"#,
                #"field 'facts.api': expected true or false, got "yes""#
            ),
            (
                #"{"tools":[{"slug":"x","name":"X","category":"C","description":"D","entry":"free","facts":{"speed":3}}]}"#,
                #"field 'facts.speed': unknown fact; known facts are api, sdks"#
            ),
            (
                #"{"tools":[{"slug":"x","name":"X","category":"C","description":"D","entry":"free","homepage":"javascript:alert(1)"}]}"#,
                #"field 'homepage': expected an http(s) URL"#
            ),
            (#"{"tool":[]}"#, #"file, field 'tool': unknown top-level key"#),
            (#"[1,2]"#, #"file: expected a mapping with 'tools' and/or 'takes', got a list"#),
        ])
    func badInput(json: String, expected: String) {
        let found = problems(json).map(\.description)
        #expect(found.contains { $0.contains(expected) }, "got: \(found)")
    }

    @Test("Decoding errors are described by field, without Swift type names")
    func describeDecoding() {
        struct Body: Decodable {
            var vote: String
            var count: Int
        }
        func reason(_ json: String) -> String {
            do {
                _ = try JSONDecoder().decode(Body.self, from: Data(json.utf8))
                return ""
            } catch { return CatalogImport.describe(error) }
        }
        #expect(reason(#"{"count":1}"#) == "missing field 'vote'")
        #expect(reason(#"{"vote":"ship","count":"x"}"#) == "field 'count' has the wrong type")
    }

    @Test("Malformed JSON is reported as such")
    func malformed() {
        #expect(throws: ImportFailure.self) { try CatalogImport.parseJSON(Data("{\"tools\": [".utf8), source: "x.json") }
    }

    @Test("All problems are reported at once, not only the first")
    func allProblems() {
        let found = problems(#"{"tools":[{"slug":"x"},{"slug":"y","name":"Y","category":"C","description":"D","entry":"gratis"}]}"#)
        #expect(found.count == 5)  // tools[0]: name, category, description, entry; tools[1]: entry
        #expect(found.contains { $0.location.hasPrefix("tools[1]") })
    }

    @Test("A take may refer to a tool already stored")
    func knownSlug() throws {
        let plan = try validate(#"{"takes":[{"tool":"sora","persona":"buyer","verdict":"skip","text":"Too dear."}]}"#, known: ["sora"])
        #expect(plan.takes.count == 1)
    }

    @Test("Two takes by one persona on one tool in one file are refused")
    func duplicateTake() {
        let take = #"{"tool":"smollm3","persona":"buyer","verdict":"ship","text":"t"}"#
        let found = problems(#"{"tools":[\#(Self.goodTool)],"takes":[\#(take),\#(take)]}"#).map(\.description)
        #expect(found.contains { $0.contains("takes[1]") && $0.contains("takes[0] has one already") })
    }

    @Test("Hidden characters are stripped from vendor text")
    func cleaning() throws {
        let plan = try validate(
            #"{"tools":[{"slug":"x","name":"Ev\u200bil\u202e","category":"C","description":"D\u0007","entry":"free"}]}"#)
        #expect(plan.tools[0].name == "Evil")
        #expect(plan.tools[0].description == "D")
    }
}
