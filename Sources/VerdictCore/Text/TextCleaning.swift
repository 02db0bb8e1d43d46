/// Removes characters that hide or reorder text: C0/C1 controls (but newline and tab),
/// zero-width characters and bidi overrides. Vendor text is untrusted; what a reader sees
/// must be what is stored and what a model is shown.
public enum TextCleaning {
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isHidden(scalar) {
            out.append(scalar)
        }
        return String(out)
    }

    public static func isHidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A: false
        case 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        case 0x00AD, 0x180E: true
        case 0xE0000...0xE007F: true  // tag characters
        default: false
        }
    }
}
