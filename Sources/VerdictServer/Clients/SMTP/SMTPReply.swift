import NIOCore

/// One complete server reply, possibly spread over several `250-…` lines.
struct SMTPReply: Sendable, Equatable {
    var code: Int
    /// The text of each line after the code and separator.
    var lines: [String]

    var message: String { lines.joined(separator: " ") }
    var isPositive: Bool { (200..<400).contains(code) }
}

/// Accumulates reply lines until the last one (`250 …` rather than `250-…`).
struct SMTPReplyAssembler {
    private var code: Int?
    private var lines: [String] = []

    /// Feeds one line; returns the reply when the line completes it.
    mutating func feed(_ line: String) throws(MailTransportError) -> SMTPReply? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0..<3].allSatisfy({ (0x30...0x39).contains($0) }),
            let lineCode = Int(String(decoding: bytes[0..<3], as: UTF8.self)),
            bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-")
        else {
            throw MailTransportError(reason: .protocolViolation("not a reply line: \(line.prefix(80))"))
        }
        if let code, code != lineCode {
            throw MailTransportError(
                reason: .protocolViolation("reply code changed from \(code) to \(lineCode) mid-reply"))
        }
        code = lineCode
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard bytes.count == 3 || bytes[3] == UInt8(ascii: " ") else { return nil }
        defer { (self.code, self.lines) = (nil, []) }
        return SMTPReply(code: lineCode, lines: lines)
    }
}

/// Splits the byte stream into lines without their CRLF (or bare LF).
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String
    /// RFC 5321 allows 512 octets per reply line; refuse to buffer much more than that.
    static let maxLineLength = 4096

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws
        -> DecodingState
    {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maxLineLength { throw LineTooLong() }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        var line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool)
        throws -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    struct LineTooLong: Error, CustomStringConvertible {
        var description: String { "reply line longer than \(SMTPLineDecoder.maxLineLength) bytes" }
    }
}

/// What the server offered in its EHLO reply.
struct SMTPCapabilities: Sendable, Equatable {
    var startTLS = false
    var eightBitMIME = false
    var authMechanisms: Set<String> = []

    /// Reads the lines after the first; `AUTH=PLAIN` is the pre-RFC 4954 spelling.
    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" })
            guard let keyword = words.first else { continue }
            if keyword == "STARTTLS" { startTLS = true }
            if keyword == "8BITMIME" { eightBitMIME = true }
            if keyword == "AUTH" { authMechanisms.formUnion(words.dropFirst().map(String.init)) }
        }
    }

    init() {}
}
