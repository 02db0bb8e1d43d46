/// Escapes text for HTML element content and double- or single-quoted attribute values;
/// shared by the site's views and the newsletter's HTML part.
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        // Most text has nothing to escape: a byte scan answers that without building a copy.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
