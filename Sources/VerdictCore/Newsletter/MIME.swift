import Foundation

/// The encodings a mail message needs: quoted-printable bodies (RFC 2045), encoded-word
/// headers (RFC 2047), header folding and the RFC 5322 date.
public enum MIME {
    static let crlf = "\r\n"
    static let hex = Array("0123456789ABCDEF".utf8)

    /// Quoted-printable per RFC 2045 §6.7. Line breaks in `text` (LF, CRLF or CR) become CRLF
    /// hard breaks; every output line is at most 76 characters, ending in a soft break "="
    /// where a long line was cut. "=", control characters, bytes above 126 and whitespace at
    /// the end of a line are encoded; an "=XX" triplet is never cut.
    public static func quotedPrintable(_ text: String) -> String {
        // Byte-level: a digest is encoded once per subscriber, so this is a hot path.
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var start = 0
        var i = 0
        while i <= bytes.count {
            let atEnd = i == bytes.count
            if atEnd || bytes[i] == 0x0A || bytes[i] == 0x0D {
                appendQPLine(bytes[start..<i], to: &out)
                if atEnd { break }
                out += [0x0D, 0x0A]
                i += (bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
                continue
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One input line: literal bytes where allowed, =XX otherwise, soft breaks ("=" CRLF) so no
    /// output line exceeds 76 characters, never splitting an =XX triplet.
    private static func appendQPLine(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var column = 0
        let last = bytes.endIndex - 1
        for i in bytes.indices {
            let b = bytes[i]
            let isLast = i == last
            let literal = (b >= 33 && b <= 126 && b != UInt8(ascii: "=")) || ((b == 0x20 || b == 0x09) && !isLast)
            let width = literal ? 1 : 3
            // The last token may fill the line to 76; any other needs room for the soft "=".
            if column + width > (isLast ? 76 : 75) {
                out += [UInt8(ascii: "="), 0x0D, 0x0A]
                column = 0
            }
            if literal {
                out.append(b)
            } else {
                out += [UInt8(ascii: "="), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            }
            column += width
        }
    }

    /// True when `text` can go into a header as it is: printable ASCII, spaces and tabs.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x09 || (0x20...0x7E).contains($0) }
    }

    /// Header values never carry CR, LF or other controls: they are turned into spaces, runs of
    /// whitespace collapse, and the ends are trimmed. This is what stops header injection.
    public static func sanitizedHeaderValue(_ value: String) -> String {
        var out = ""
        var lastWasSpace = false
        for scalar in value.unicodeScalars {
            let isSpace =
                scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar == " " || scalar == "\u{2028}" || scalar == "\u{2029}"
            if isSpace {
                if !lastWasSpace { out.append(" ") }
            } else {
                out.unicodeScalars.append(scalar)
            }
            lastWasSpace = isSpace
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// RFC 2047 "B" encoded-words of UTF-8, each at most 60 characters (36 bytes before base64),
    /// split only between Unicode scalars so each word decodes on its own.
    public static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk = []
        }
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 36 { flush() }
            chunk += bytes
        }
        flush()
        return words
    }

    /// One header field, sanitised, encoded when it is not plain ASCII, and folded at whitespace
    /// so lines stay within 78 characters where the words allow. A long ASCII word (a
    /// List-Unsubscribe URL) stays whole, since encoding would break it; only a word that could
    /// pass the 998-character hard limit is encoded instead.
    /// Only for unstructured values and ASCII structured ones (URLs in angle brackets).
    public static func header(_ name: String, _ value: String) -> String {
        let clean = sanitizedHeaderValue(value)
        let plainWords = clean.split(separator: " ").map(String.init)
        let needsEncoding = !isPlainASCII(clean) || plainWords.contains { $0.utf8.count > 900 }
        return fold(name: name, atoms: needsEncoding ? encodedWords(clean) : plainWords)
    }

    /// Joins atoms after "Name:" with single spaces, starting a continuation line (CRLF + space)
    /// whenever the next atom would pass 78 characters.
    static func fold(name: String, atoms: [String]) -> String {
        var lines: [String] = []
        var current = name + ":"
        var onNameLine = true
        for atom in atoms {
            if !onNameLine && current.utf8.count + 1 + atom.utf8.count > 78 {
                lines.append(current)
                current = ""
            }
            current += " " + atom
            onNameLine = false
        }
        lines.append(current)
        return lines.joined(separator: crlf)
    }

    /// "Tue, 24 Nov 2026 09:00:00 +0000" (RFC 5322 §3.3), always in UTC, never localised.
    public static func rfc5322Date(_ date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String {
            let n = n ?? 0
            return n < 10 ? "0\(n)" : "\(n)"
        }
        return "\(days[c.weekday! - 1]), \(two(c.day)) \(months[c.month! - 1]) \(c.year!) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }

    /// A boundary is kept to RFC 2046 bchars (at most 70). Boundaries containing "=_" can never
    /// occur inside a quoted-printable body, which is why `MailMessage` callers should use one.
    static func sanitizedBoundary(_ boundary: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'()+_,-./:=?".utf8)
        let kept = String(decoding: boundary.utf8.filter { allowed.contains($0) }.prefix(70), as: UTF8.self)
        return kept.isEmpty ? "=_verdict_boundary" : kept
    }

    /// An RFC 5322 header field name: printable ASCII without ":" or space.
    static func isValidHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { (33...126).contains($0) && $0 != UInt8(ascii: ":") }
    }
}
