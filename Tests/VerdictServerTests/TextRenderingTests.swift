import Foundation
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

    @Test("SVG numbers: two decimals as printf writes them, never -0.00, nothing for infinities")
    func svgNumbers() {
        var generator = SystemRandomNumberGenerator()
        let fixed: [Double] = [0, -0.0, 0.004, -0.004, -0.005, 0.5, 1, -1.5, 12.345, 99.999, 640, 1e9 + 0.25]
        let random = (0..<2_000).map { _ in Double.random(in: -2_000...2_000, using: &generator) }
        for v in fixed + random {
            var expected = String(format: "%.2f", v)
            if expected == "-0.00" { expected = "0.00" }
            #expect(Components.SVG.number(v) == expected, "\(v)")
        }
        #expect(Components.SVG.number(.infinity) == "0.00" && Components.SVG.number(.nan) == "0.00")
    }
}
