import Foundation

/// Removes characters that hide or reorder text: C0/C1 controls (but newline and tab), every
/// Default_Ignorable_Code_Point (zero-width characters, fillers, variation selectors, tags),
/// the bidi controls and the interlinear annotation marks. Vendor text is untrusted; what a
/// reader sees must be what is stored and what a model is shown. Every way text enters
/// (import, the desk form, the API, a model's reply) goes through `clean` or `field`.
public enum TextCleaning {
    /// Runs of whitespace as one space, none at either end: a description or take on one line.
    /// Scalar by scalar (a whitespace scalar starts a whitespace character), which is several
    /// times cheaper than splitting into characters.
    public static func oneLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space {
                out.append(" ")
                space = false
            }
            out.append(scalar)
        }
        return String(out)
    }

    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isLineBreak(scalar) {
                out.append("\n")
            } else if !isHidden(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    public static func isHidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0xFFF9...0xFFFB: return true  // interlinear annotation: hides the annotated text
        default: return s.properties.isDefaultIgnorableCodePoint || s.properties.isBidiControl
        }
    }

    /// U+2028 and U+2029 break lines like a newline but slip past line-based checks.
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x2028 || s.value == 0x2029
    }

    /// Length as every limit counts it: Unicode scalars, so combining marks stacked on one
    /// letter (one grapheme cluster, any size) count one by one.
    public static func length(_ text: String) -> Int {
        text.unicodeScalars.count
    }

    /// Cleaned and trimmed text within `max` scalars, or why it is refused. NUL is refused
    /// rather than stripped: it is never typed by a person and often marks a truncation attack.
    public static func field(_ raw: String, max: Int) -> Result<String, TextRefusal> {
        if raw.unicodeScalars.contains("\0") { return .failure(.nul) }
        let value = clean(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        let length = length(value)
        return length > max ? .failure(.tooLong(length: length, maximum: max)) : .success(value)
    }

    /// A URL may hold none of the characters `clean` strips, nor whitespace: a link must read
    /// exactly as it goes, so such a URL is refused, never silently altered.
    public static func isPlainURLText(_ text: String) -> Bool {
        !text.unicodeScalars.contains { isHidden($0) || isLineBreak($0) || $0.properties.isWhitespace }
    }
}

/// Why a piece of entered text is refused; the description names what to fix.
public enum TextRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    case nul
    case tooLong(length: Int, maximum: Int)

    public var description: String {
        switch self {
        case .nul: "contains a NUL character (U+0000); remove it"
        case .tooLong(let length, let maximum): "is \(length) characters long; at most \(maximum) allowed"
        }
    }
}
