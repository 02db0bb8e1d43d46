import Foundation
import Testing

@testable import VerdictCore

/// Hidden and reordering characters found surviving import and the desk form (issue 17, finding 9).
@Suite("Text cleaning: hidden characters, NUL, and limits in scalars")
struct TextCleaningTests {
    static let hidden: [UInt32] = [
        0x061C, 0x3164, 0x115F, 0x1160, 0x034F, 0xFFF9, 0xFFFA, 0xFFFB,
        0x202E, 0x200B, 0x2066, 0xFEFF, 0x00AD, 0xE0041, 0xFE0F, 0x1D173, 0x0000, 0x001B, 0x0085,
    ]

    static func with(_ value: UInt32) -> String {
        "ship" + String(Character(Unicode.Scalar(value)!)) + "it"
    }

    static func yaml(name: String, docsURL: String = "https://example.com/docs") -> String {
        """
        {"tools":[{"slug":"t","name":\(json(name)),"category":"Developer Tools","description":"A tool.",\
        "entry":"free","facts":{"docs_url":\(json(docsURL))}}]}
        """
    }

    static func plan(_ document: String) throws(ImportFailure) -> CatalogImport {
        let value = try CatalogImport.parseJSON(Data(document.utf8), source: "t.json")
        return try CatalogImport.validate(value, source: "t.json", knownSlugs: [])
    }

    static func problems(_ document: String) -> [String] {
        do {
            _ = try plan(document)
            return []
        } catch {
            return error.lines
        }
    }

    static func json(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }

    @Test("Every default-ignorable, bidi-control and annotation character is stripped", arguments: hidden)
    func stripped(value: UInt32) {
        #expect(TextCleaning.clean(Self.with(value)) == "shipit", "U+\(String(value, radix: 16))")
    }

    @Test("Line and paragraph separators become plain newlines")
    func separators() {
        #expect(TextCleaning.clean("a\u{2028}b\u{2029}c") == "a\nb\nc")
    }

    @Test("Visible text is kept: letters, accents, emoji, CJK, tabs and newlines")
    func kept() {
        let text = "Café naïve 日本語 👍 x\ty\nz é"
        #expect(TextCleaning.clean(text) == text)
    }

    @Test("Imported names lose every hidden character", arguments: hidden.filter { $0 != 0 })
    func importStrips(value: UInt32) throws {
        let plan = try Self.plan(Self.yaml(name: "Name" + Self.with(value)))
        #expect(plan.tools.first?.name == "Nameshipit", "U+\(String(value, radix: 16))")
    }

    @Test("NUL is refused by name, in text and in facts")
    func nulRefused() {
        let name = Self.problems(Self.yaml(name: "Bad\u{0}name"))
        #expect(name.count == 1 && name[0].contains("name") && name[0].contains("NUL"), "\(name)")
        let url = Self.problems(Self.yaml(name: "Ok", docsURL: "https://e.com/\u{0}"))
        #expect(url.count == 1 && url[0].contains("facts.docs_url") && url[0].contains("NUL"), "\(url)")
        #expect(TextCleaning.field("a\u{0}b", max: 10) == .failure(.nul))
        #expect(TextRefusal.nul.description.contains("NUL"))
    }

    @Test(
        "A URL with a bidi override, a zero-width space or NUL is refused, not altered",
        arguments: ["https://e.com/\u{202E}gnp.exe", "https://e.com/a\u{200B}b", "https://e.com/\u{0}", "https://e.com/\u{2028}"])
    func urlRefused(url: String) {
        #expect(!FieldReader.isWebURL(url))
        let problems = Self.problems(Self.yaml(name: "Ok", docsURL: url))
        #expect(problems.count == 1 && problems[0].contains("facts.docs_url"), "\(problems)")
        var reader = FieldReader(location: "tools[0]", map: ["homepage": .string(url)])
        #expect(reader.url("homepage") == nil && reader.problems.first?.description.contains("homepage") == true)
    }

    @Test("Limits count Unicode scalars: one letter and 60,000 combining marks is not 1 character")
    func combiningMarks() {
        let zalgo = "a" + String(repeating: "\u{0301}", count: 60_000)
        #expect(zalgo.count == 1)
        #expect(TextCleaning.length(zalgo) == 60_001)
        #expect(TextCleaning.field(zalgo, max: 120) == .failure(.tooLong(length: 60_001, maximum: 120)))
        let problems = Self.problems(Self.yaml(name: zalgo))
        #expect(problems.count == 1 && problems[0].contains("60001 characters"), "\(problems.map { $0.prefix(80) })")
        #expect(TextCleaning.field("e\u{0301}", max: 2) == .success("e\u{0301}"))
    }

    @Test("One line: whitespace runs become one space, as splitting into words and joining them does")
    func oneLine() {
        for text in ["", "  ", "a", " a  b\tc\n\nd ", "line\r\nbreak", "x\u{2028}y\u{A0}z", "é  😀\u{3000}end", "\n\t lead and trail \t\n"] {
            #expect(
                TextCleaning.oneLine(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(text.debugDescription)")
        }
    }
}
