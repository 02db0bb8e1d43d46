import Foundation
import Testing

@testable import VerdictCore

// Run with: swift test --filter NewsletterTests

struct NewsletterTests {
    // MARK: ISO weeks

    @Test func parsesAndPrintsISOWeeks() {
        #expect(ISOWeek("2026-W48")?.description == "2026-W48")
        #expect(ISOWeek("2026-w05") == ISOWeek(year: 2026, week: 5))
        for bad in ["2026-W00", "2026-W54", "2026-48", "2026W48", "26-W48", "2026-W4", "2026-W048", " 2026-W48", "2026-W4a", ""] {
            #expect(ISOWeek(bad) == nil, "\(bad)")
        }
        #expect(ISOWeek("2026-W47")! < ISOWeek("2026-W48")!)
        #expect(ISOWeek("2026-W53")! < ISOWeek("2027-W01")!)
    }

    @Test func week53ExistsOnlyInLongYears() {
        // 2026 starts on a Thursday, so it has 53 weeks; 2025 and 2027 do not; 2020 does (leap, Wed).
        #expect(ISOWeek("2026-W53") != nil)
        #expect(ISOWeek("2020-W53") != nil)
        #expect(ISOWeek("2025-W53") == nil)
        #expect(ISOWeek("2027-W53") == nil)
    }

    @Test func intervalsRunMondayToMondayInUTC() {
        let w48 = ISOWeek("2026-W48")!.interval()
        #expect(w48.start == utc("2026-11-23T00:00:00Z"))
        #expect(w48.end == utc("2026-11-30T00:00:00Z"))
        // Year boundaries: 2027-W01 starts on Monday 4 January; 2026-W01 on 29 December 2025.
        #expect(ISOWeek("2027-W01")!.interval().start == utc("2027-01-04T00:00:00Z"))
        #expect(ISOWeek("2026-W01")!.interval().start == utc("2025-12-29T00:00:00Z"))
        #expect(ISOWeek("2026-W53")!.interval() == (utc("2026-12-28T00:00:00Z"), utc("2027-01-04T00:00:00Z")))
    }

    @Test func weekContainingADate() {
        #expect(ISOWeek.containing(utc("2027-01-03T23:59:59Z")).description == "2026-W53")
        #expect(ISOWeek.containing(utc("2027-01-04T00:00:00Z")).description == "2027-W01")
        #expect(ISOWeek.containing(utc("2025-12-31T12:00:00Z")).description == "2026-W01")
        #expect(ISOWeek.containing(utc("2026-11-29T23:59:59Z")).description == "2026-W48")
        #expect(ISOWeek("2027-W01")!.previous.description == "2026-W53")
    }

    // MARK: Email addresses

    @Test func validAddresses() {
        let table: [(String, String)] = [
            ("ada@example.com", "ada@example.com"),
            ("  Ada.Lovelace@Example.COM ", "Ada.Lovelace@example.com"),
            ("o'brien+news@mail.example.co.uk", "o'brien+news@mail.example.co.uk"),
            ("x@xn--bcher-kva.example", "x@xn--bcher-kva.example"),
            ("a_b-c=d?e@sub-domain.example.org", "a_b-c=d?e@sub-domain.example.org"),
            (String(repeating: "a", count: 64) + "@example.com", String(repeating: "a", count: 64) + "@example.com"),
        ]
        for (raw, value) in table { #expect(EmailAddress(raw)?.value == value, "\(raw)") }
    }

    @Test func invalidAddresses() {
        let table = [
            "", "plain", "@example.com", "ada@", "ada@@example.com", "a@b@example.com", "ada@localhost",
            ".ada@example.com", "ada.@example.com", "a..b@example.com", "ada@example..com", "ada@-example.com",
            "ada@example-.com", "ada@example.com.", "ada@1.2.3.4", "ada lovelace@example.com", "\"ada\"@example.com",
            "<ada@example.com>", "ada@example.com>", "ada,bob@example.com", "ada@exa_mple.com", "adä@example.com",
            "ada@bücher.example", "ada@example.com\r\nBcc: victim@example.org", "ada@example.com\n",
            "ada\r@example.com", "ada@example.com\u{0}", String(repeating: "a", count: 65) + "@example.com",
            "a@" + String(repeating: "b", count: 64) + ".com",
            "a@" + Array(repeating: String(repeating: "b", count: 60), count: 5).joined(separator: ".") + ".com",
        ]
        for raw in table { #expect(EmailAddress(raw) == nil, "\(raw.debugDescription)") }
    }

    // MARK: Quoted-printable

    @Test func quotedPrintableRoundTripsAndKeepsLinesShort() {
        let samples = [
            "Plain text.",
            "a=b and 100% = c",
            "Verdict — über naïve café 🚀",
            String(repeating: "x", count: 300),
            String(repeating: "é", count: 100),
            String(repeating: "a=", count: 90),
            "trailing spaces   \nand tab\t\nline",
            "CRLF\r\nand CR\rand LF\nend",
            String(repeating: "word ", count: 40),
            "",
        ]
        for s in samples {
            let qp = MIME.quotedPrintable(s)
            #expect(!qp.contains("\n") || !qp.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            for line in qp.components(separatedBy: "\r\n") {
                #expect(line.utf8.count <= 76, "\(line)")
                #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"), "\(line)")
                #expect(line.utf8.allSatisfy { $0 >= 32 && $0 < 127 })
            }
            let normalized = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            #expect(qpDecode(qp) == normalized.replacingOccurrences(of: "\n", with: "\r\n"))
        }
    }

    @Test func quotedPrintableEncodesEqualsNonASCIIAndTrailingWhitespace() {
        #expect(MIME.quotedPrintable("a=b") == "a=3Db")
        #expect(MIME.quotedPrintable("ü") == "=C3=BC")
        #expect(MIME.quotedPrintable("end  \nx") == "end =20\r\nx")
        #expect(MIME.quotedPrintable("tab\t") == "tab=09")
        // 76 characters fit on one line; 77 need a soft break.
        #expect(MIME.quotedPrintable(String(repeating: "a", count: 76)) == String(repeating: "a", count: 76))
        #expect(MIME.quotedPrintable(String(repeating: "a", count: 77)) == String(repeating: "a", count: 75) + "=\r\naa")
        // An "=XX" triplet is never cut by a soft break.
        let lines = MIME.quotedPrintable(String(repeating: "a", count: 74) + "é").components(separatedBy: "\r\n")
        #expect(lines == [String(repeating: "a", count: 74) + "=", "=C3=A9"])
    }

    // MARK: Rendered message

    @Test func renderedMessageStructure() throws {
        let raw = newsletterSampleMessage().render(boundary: "=_verdict_abc123")
        // CRLF only: no bare LF or CR.
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let lines = raw.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        let headEnd = try #require(lines.firstIndex(of: ""))
        let head = lines[..<headEnd].joined(separator: "\r\n").replacingOccurrences(of: "\r\n ", with: " ")
        let fields = head.components(separatedBy: "\r\n")
        #expect(fields.contains("Date: Tue, 24 Nov 2026 09:05:03 +0000"))
        #expect(fields.contains("From: \"Verdict\" <news@verdict.example>"))
        #expect(fields.contains("To: ada@example.com"))
        #expect(fields.contains("Message-ID: <w48.1@verdict.example>"))
        #expect(fields.contains("MIME-Version: 1.0"))
        #expect(fields.contains("List-Unsubscribe: <https://verdict.example/newsletter/unsubscribe?t=abc>"))
        #expect(fields.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
        #expect(fields.contains("Content-Type: multipart/alternative; boundary=\"=_verdict_abc123\""))
        #expect(lines[..<headEnd].allSatisfy { $0.utf8.count <= 78 })
        let subject = try #require(fields.first { $0.hasPrefix("Subject: ") })
        #expect(subject.contains("=?utf-8?B?"))
        #expect(decodeEncodedWords(String(subject.dropFirst(9))) == "Verdict — ü")
        // Boundary lines and both parts.
        #expect(lines.filter { $0 == "--=_verdict_abc123" }.count == 2)
        #expect(lines.last(where: { !$0.isEmpty }) == "--=_verdict_abc123--")
        #expect(lines.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(lines.contains("Content-Type: text/html; charset=utf-8"))
        #expect(lines.filter { $0 == "Content-Transfer-Encoding: quoted-printable" }.count == 2)
        #expect(raw.contains("<p>Caf=C3=A9 =3D good</p>"))
    }

    @Test func headerInjectionIsNeutralised() {
        var m = newsletterSampleMessage()
        m.subject = "Hello\r\nBcc: victim@example.org"
        m.fromName = "Verdict\r\nX-Evil: 1"
        m.messageID = "<id@x>\r\nX-Evil: 2"
        m.headers = [("X-Note", "a\nBcc: victim@example.org"), ("Bcc", "victim@example.org"), ("Bad Name", "x"), ("X-Evil\r\nBcc", "y")]
        let raw = m.render(boundary: "=_b")
        let lines = raw.components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.lowercased().hasPrefix("bcc:") || $0.hasPrefix("X-Evil") })
        #expect(lines.contains("Subject: Hello Bcc: victim@example.org"))
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func longNonASCIISubjectFoldsWithinLimits() {
        var m = newsletterSampleMessage()
        m.subject = String(repeating: "Verdict — ü naïve 🚀 ", count: 12)
        m.fromName = "Vérdict Nëwsletter"
        let raw = m.render(boundary: "=_b")
        let lines = raw.components(separatedBy: "\r\n")
        let start = lines.firstIndex { $0.hasPrefix("Subject: ") }!
        var subjectLines = [lines[start]]
        for l in lines[(start + 1)...] {
            guard l.hasPrefix(" ") else { break }
            subjectLines.append(l)
        }
        #expect(subjectLines.count > 1)
        #expect(subjectLines.allSatisfy { $0.utf8.count <= 78 })
        let value = subjectLines.joined(separator: " ").dropFirst(9)
        #expect(decodeEncodedWords(String(value)) == MIME.sanitizedHeaderValue(m.subject))
        let from = lines.first { $0.hasPrefix("From: ") }!
        #expect(from.hasPrefix("From: =?utf-8?B?") || lines.contains(" <news@verdict.example>"))
    }

    @Test func dotStuffing() {
        let raw = ".start\r\nmiddle\r\n.\r\n..two\r\nend."
        #expect(MailMessage.dotStuffed(raw) == "..start\r\nmiddle\r\n..\r\n...two\r\nend.")
        var m = newsletterSampleMessage()
        m.textBody = "line\n.\nafter"
        #expect(MailMessage.dotStuffed(m.render(boundary: "=_b")).contains("\r\n..\r\n"))
    }
}

// MARK: Helpers

private func utc(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

func newsletterSampleMessage() -> MailMessage {
    MailMessage(
        from: EmailAddress("news@verdict.example")!, fromName: "Verdict", to: EmailAddress("ada@example.com")!,
        subject: "Verdict — ü", textBody: "Café = good\n", htmlBody: "<p>Café = good</p>",
        headers: [
            ("List-Unsubscribe", "<https://verdict.example/newsletter/unsubscribe?t=abc>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ],
        messageID: "w48.1@verdict.example", date: utc("2026-11-24T09:05:03Z"))
}

/// Decodes quoted-printable: soft breaks joined, "=XX" turned back into bytes.
private func qpDecode(_ qp: String) -> String {
    var bytes: [UInt8] = []
    let lines = qp.components(separatedBy: "\r\n")
    for (i, line) in lines.enumerated() {
        var u = Array(line.utf8)
        let soft = u.last == UInt8(ascii: "=")
        if soft { u.removeLast() }
        var j = 0
        while j < u.count {
            if u[j] == UInt8(ascii: "="), j + 2 < u.count + 0,
                let b = UInt8(String(decoding: u[(j + 1)...(j + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(b)
                j += 3
            } else {
                bytes.append(u[j])
                j += 1
            }
        }
        if !soft && i < lines.count - 1 { bytes += [13, 10] }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Decodes a run of "=?utf-8?B?…?=" words separated by whitespace (which RFC 2047 ignores).
private func decodeEncodedWords(_ value: String) -> String {
    var bytes: [UInt8] = []
    for word in value.split(separator: " ") {
        guard word.hasPrefix("=?utf-8?B?"), word.hasSuffix("?=") else { return value }
        bytes += Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) ?? Data()
    }
    return String(decoding: bytes, as: UTF8.self)
}
