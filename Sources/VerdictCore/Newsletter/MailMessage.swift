import Foundation

/// One outgoing mail: a plain-text and an HTML body as multipart/alternative, rendered to
/// RFC 5322 text with CRLF line endings, ready for SMTP DATA (after `dotStuffed`) or an .eml file.
public struct MailMessage: Sendable {
    public var from: EmailAddress
    public var fromName: String?
    public var to: EmailAddress
    public var subject: String
    public var textBody: String
    public var htmlBody: String
    /// Extra header fields, e.g. List-Unsubscribe; names that would shadow the fields
    /// `render` writes itself (or add recipients) are dropped.
    public var headers: [(String, String)]
    /// With or without angle brackets; "<…@…>" is written.
    public var messageID: String
    public var date: Date

    public init(
        from: EmailAddress, fromName: String? = nil, to: EmailAddress, subject: String,
        textBody: String, htmlBody: String, headers: [(String, String)] = [], messageID: String, date: Date
    ) {
        self.from = from
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.headers = headers
        self.messageID = messageID
        self.date = date
    }

    /// Header names `render` owns; an extra header with one of these names is ignored, so a
    /// caller cannot add a second From or a Bcc by accident.
    static let reservedHeaders: Set<String> = [
        "date", "from", "to", "cc", "bcc", "subject", "message-id", "mime-version",
        "content-type", "content-transfer-encoding", "sender", "reply-to", "return-path",
    ]

    /// The whole message. `boundary` should contain "=_" (e.g. "=_verdict_<random>"), which
    /// quoted-printable output can never contain; characters outside RFC 2046 are removed.
    public func render(boundary: String) -> String {
        let b = MIME.sanitizedBoundary(boundary)
        var head = [
            "Date: " + MIME.rfc5322Date(date),
            fromHeader(),
            "To: " + to.value,
            MIME.header("Subject", subject),
            "Message-ID: " + normalizedMessageID(),
            "MIME-Version: 1.0",
        ]
        for (name, value) in headers
        where MIME.isValidHeaderName(name) && !Self.reservedHeaders.contains(name.lowercased()) {
            head.append(MIME.header(name, value))
        }
        head.append("Content-Type: multipart/alternative;\r\n boundary=\"\(b)\"")
        let parts = [("text/plain", textBody), ("text/html", htmlBody)].map { type, body in
            "--\(b)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + MIME.quotedPrintable(body) + "\r\n"
        }
        return head.joined(separator: "\r\n") + "\r\n\r\n"
            + "This is a multi-part message in MIME format.\r\n\r\n"
            + parts.joined() + "--\(b)--\r\n"
    }

    /// "Name <addr>": an ASCII name as a quoted string, anything else as encoded-words.
    func fromHeader() -> String {
        guard let raw = fromName.map(MIME.sanitizedHeaderValue), !raw.isEmpty else {
            return "From: " + from.value
        }
        if MIME.isPlainASCII(raw) {
            let quoted = raw.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return MIME.fold(name: "From", atoms: ["\"\(quoted)\"", "<\(from.value)>"])
        }
        return MIME.fold(name: "From", atoms: MIME.encodedWords(raw) + ["<\(from.value)>"])
    }

    /// Keeps only characters legal in a msg-id (no spaces, controls or brackets inside) and
    /// wraps the result in angle brackets.
    func normalizedMessageID() -> String {
        var id = messageID.unicodeScalars.filter { (33...126).contains($0.value) }.map(String.init).joined()
        if id.hasPrefix("<") { id.removeFirst() }
        if id.hasSuffix(">") { id.removeLast() }
        id = id.filter { $0 != "<" && $0 != ">" }
        return "<\(id)>"
    }

    /// SMTP transparency (RFC 5321 §4.5.2): every line that starts with "." gets a second one,
    /// so a lone "." in a body cannot end the DATA section early.
    public static func dotStuffed(_ rendered: String) -> String {
        rendered.components(separatedBy: "\r\n")
            .map { $0.hasPrefix(".") ? "." + $0 : $0 }
            .joined(separator: "\r\n")
    }
}
