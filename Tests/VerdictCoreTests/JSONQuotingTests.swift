import Foundation
import Testing

@testable import VerdictCore

@Suite("JSON string literals")
struct JSONQuotingTests {
    @Test("Quotes, backslashes, controls, C1 controls and line separators are escaped; the rest is kept; the result parses back")
    func escapes() throws {
        #expect(
            JSONValue.quoted("a\"b\\c\nd\te\rf\u{1}g\u{7F}h\u{85}i\u{9F}j\u{2028}k\u{2029}l")
                == #""a\"b\\c\nd\te\rf\u0001g\u007fh\u0085i\u009fj\u2028k\u2029l""#)
        // Characters next to the escaped ones in UTF-8 stay as they are.
        #expect(JSONValue.quoted("\u{A0}é\u{2027}\u{202A}€😀") == "\"\u{A0}é\u{2027}\u{202A}€😀\"")
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = [
            "\"", "\\", "\n", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{2030}", "a",
            "é", "€", "😀", "<",
        ]
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...30, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let original = String(text)
            let quoted = JSONValue.quoted(original)
            #expect(
                !quoted.unicodeScalars.contains {
                    $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}"
                })
            let parsed = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
            #expect(parsed == [original])
        }
    }
}

@Suite("A tool's JSON-LD in parts")
struct StructuredDataPartsTests {
    @Test("The kept parts with the rating written in equal the whole object written at once, with and without votes")
    func partsEqualWhole() throws {
        for votes in [(0, 0), (1, 0), (3, 7), (0, 2)] {
            var standing = Fixture.standing("x</script>&", [.buyer: .ship, .skeptic: .skip], votes: votes)
            standing.tool.vendor = "Vendor <b>"
            var object: [String: JSONValue] = [
                "@context": .string("https://schema.org"), "@type": .string("SoftwareApplication"), "name": .string(standing.tool.name),
                "applicationCategory": .string(standing.tool.category), "description": .string(standing.tool.description),
                "url": .string("https://v.example/t"),
                "author": .object(["@type": .string("Organization"), "name": .string("Vendor <b>")]),
            ]
            object["review"] = .array(
                standing.takes.map { take in
                    .object([
                        "@type": .string("Review"),
                        "author": .object(["@type": .string("Person"), "name": .string("Verdict's \(take.persona.displayName)")]),
                        "name": .string(take.verdict == .ship ? "Ship" : "Skip"), "reviewBody": .string(take.text),
                        "reviewRating": .object([
                            "@type": .string("Rating"), "ratingValue": .int(take.verdict == .ship ? 1 : 0), "bestRating": .int(1),
                            "worstRating": .int(0),
                        ]),
                    ])
                })
            if let percent = standing.community.shipPercent, standing.community.votes > 0 {
                object["aggregateRating"] = .object([
                    "@type": .string("AggregateRating"), "ratingValue": .int(percent), "bestRating": .int(100), "worstRating": .int(0),
                    "ratingCount": .int(standing.community.votes),
                ])
            }
            let whole = StructuredData.scriptSafe(JSONValue.object(object).canonicalText())
            #expect(StructuredData.tool(standing, url: "https://v.example/t") == whole)
            #expect(!whole.contains("<") && !whole.contains("&"))
        }
    }
}
