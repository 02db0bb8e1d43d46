import Testing
import VerdictCore

@testable import VerdictServer

/// The byte-level text helpers that replaced Foundation's Character-walking ones on the render
/// path keep their meaning.
@Suite("Text helpers on the render path")
struct TextRenderingTests {
    @Test("Paragraphs split on blank lines, trimmed, empty ones dropped")
    func paragraphs() {
        #expect(Components.paragraphs("One.\n\nTwo.") == ["One.", "Two."])
        #expect(Components.paragraphs("  One.\n\n\n  Two. \n") == ["One.", "Two."])
        #expect(Components.paragraphs("Line\nsame paragraph") == ["Line\nsame paragraph"])
        #expect(Components.paragraphs("\n\n \n\n").isEmpty)
        #expect(Components.paragraphs("") == [])
        #expect(Components.paragraphs("Ünïcödé ✓\n\n日本語") == ["Ünïcödé ✓", "日本語"])
        #expect(Components.paragraphs("\r\nWindows\r\n\r\nlines\r\n") == ["Windows\r\n\r\nlines"])
    }

    @Test("Escaping leaves plain text as it is and escapes every special character")
    func escaping() {
        #expect(HTMLText.escape("plain text, ünïcödé") == "plain text, ünïcödé")
        #expect(HTMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("") == "")
    }
}
