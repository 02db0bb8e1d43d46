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
