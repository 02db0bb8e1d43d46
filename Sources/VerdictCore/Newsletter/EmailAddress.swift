import Foundation

/// A subscriber's address, validated pragmatically: what real mailboxes use, and nothing that
/// could break out of a mail header.
///
/// Deliberately narrower than RFC 5321: no quoted local parts, no address literals, no
/// comments, ASCII local parts only (internationalised domains as punycode `xn--` labels).
/// Only spaces and tabs are trimmed; a CR or LF anywhere rejects the address, because a
/// trailing "\r\nBcc: …" is how header injection starts.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address with its domain lowercased; the local part keeps its case (RFC 5321 §2.4).
    public let value: String

    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.count <= 254 else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let local = String(parts[0])
        let domain = parts[1].lowercased()
        guard EmailAddress.isValidLocal(local), EmailAddress.isValidDomain(domain) else { return nil }
        self.value = local + "@" + domain
    }

    public var description: String { value }

    /// The part after "@", lowercased.
    public var domain: String { String(value[value.index(after: value.lastIndex(of: "@")!)...]) }

    /// RFC 5322 atext: letters, digits and these symbols. Quotes, commas, angle brackets,
    /// parentheses, brackets, backslash, colon, semicolon and whitespace are all excluded.
    static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    static func isValidLocal(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard (1...64).contains(bytes.count), bytes.first != UInt8(ascii: "."),
            bytes.last != UInt8(ascii: "."), !s.contains("..")
        else { return false }
        return bytes.allSatisfy { b in
            isAlnum(b) || b == UInt8(ascii: ".") || atextSymbols.contains(b)
        }
    }

    /// At least two labels of 1–63 letters, digits and inner hyphens; the last label is not
    /// all digits, so "1.2.3.4" is not taken for a host name.
    static func isValidDomain(_ s: String) -> Bool {
        guard s.utf8.count <= 253 else { return false }
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            let b = Array(label.utf8)
            guard (1...63).contains(b.count), b.first != UInt8(ascii: "-"), b.last != UInt8(ascii: "-"),
                b.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "-") })
            else { return false }
        }
        return !labels.last!.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func isAlnum(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
}
