import NIOCore
import NIOSSL

/// The SMTP conversation over one connection: greeting, EHLO, STARTTLS, AUTH, then one
/// MAIL/RCPT/DATA transaction per envelope, then QUIT.
struct SMTPSession {
    let connection: SMTPConnection
    let config: SMTPConfig
    let tls: NIOSSLContext?
    let commandTimeout: TimeAmount
    let dataTimeout: TimeAmount
    private(set) var capabilities = SMTPCapabilities()

    init(
        connection: SMTPConnection, config: SMTPConfig, tls: NIOSSLContext?, commandTimeout: TimeAmount,
        dataTimeout: TimeAmount
    ) {
        (self.connection, self.config, self.tls) = (connection, config, tls)
        (self.commandTimeout, self.dataTimeout) = (commandTimeout, dataTimeout)
    }

    /// Greeting → EHLO → STARTTLS and EHLO again (when offered and allowed) → AUTH.
    mutating func open() async throws {
        let greeting = try await connection.readReply(for: "greeting", timeout: commandTimeout)
        try expect(greeting, 220, "greeting")
        capabilities = try await hello()
        if config.security == .startTLS, capabilities.startTLS, let tls {
            try expect(try await command("STARTTLS"), 220, "STARTTLS")
            try await connection.startTLS(context: tls, serverHostname: config.sniHostname)
            // RFC 3207: forget everything learned before TLS and ask again.
            capabilities = try await hello()
        }
        if let username = config.username, let password = config.password {
            try await SMTPAuthenticator(connection: connection, timeout: commandTimeout)
                .authenticate(username: username, password: password, offered: capabilities.authMechanisms)
        }
    }

    /// One transaction. Refusals become results; only session-level trouble throws.
    func deliver(_ envelope: Envelope) async throws -> DeliveryResult {
        for address in [envelope.from, envelope.to]
        where address.contains(where: { $0.isNewline || $0 == "<" || $0 == ">" }) {
            return .permanentFailure(
                code: 501,
                message:
                    "rejected locally: address '\(address.prefix(80))' contains a line break or angle bracket"
            )
        }
        let eightBit = capabilities.eightBitMIME && envelope.data.utf8.contains { $0 >= 0x80 }
        let mail = try await command(
            "MAIL FROM:<\(envelope.from)>" + (eightBit ? " BODY=8BITMIME" : ""))
        guard mail.code == 250 else { return try await abandon(mail) }
        let rcpt = try await command("RCPT TO:<\(envelope.to)>")
        guard rcpt.code == 250 || rcpt.code == 251 else { return try await abandon(rcpt) }
        let data = try await command("DATA")
        guard data.code == 354 else { return try await abandon(data) }
        try await connection.write(Self.dotStuffed(envelope.data), label: "message data")
        let final = try await connection.readReply(for: "end of data", timeout: dataTimeout)
        return DeliveryResult(code: final.code, message: final.message)
    }

    /// Polite goodbye; the connection closes either way.
    func quit() async {
        _ = try? await command("QUIT")
    }

    /// The message as it goes on the wire: CRLF line ends, a "." doubled at the start of a
    /// line (RFC 5321 4.5.2), ending in CRLF "." CRLF.
    static func dotStuffed(_ data: String) -> ByteBuffer {
        let (cr, lf, dot): (UInt8, UInt8, UInt8) = (13, 10, 46)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.utf8.count + data.utf8.count / 32 + 8)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in data.utf8 {
            if byte == lf && previous != cr { bytes.append(cr) }
            if atLineStart && byte == dot { bytes.append(dot) }
            bytes.append(byte)
            atLineStart = byte == lf
            previous = byte
        }
        if !atLineStart { bytes += [cr, lf] }
        bytes += [dot, cr, lf]
        return ByteBuffer(bytes: bytes)
    }

    private func hello() async throws -> SMTPCapabilities {
        let ehlo = try await command("EHLO \(config.heloName)")
        if ehlo.code == 250 { return SMTPCapabilities(ehlo: ehlo) }
        // Only a server that does not know EHLO (5xx) gets the old HELO.
        guard ehlo.code >= 500 else {
            try expect(ehlo, 250, "EHLO")
            return SMTPCapabilities()
        }
        try expect(try await command("HELO \(config.heloName)"), 250, "HELO")
        return SMTPCapabilities()
    }

    /// Records a refused step and clears the transaction so the next envelope starts clean.
    private func abandon(_ reply: SMTPReply) async throws -> DeliveryResult {
        let reset = try await command("RSET")
        try expect(reset, 250, "RSET")
        return DeliveryResult(code: reply.code, message: reply.message)
    }

    private func command(_ line: String) async throws -> SMTPReply {
        try await connection.command(line, timeout: commandTimeout)
    }

    private func expect(_ reply: SMTPReply, _ code: Int, _ command: String) throws {
        guard reply.code != code else { return }
        throw MailTransportError(
            reason: .rejected(command: command, code: reply.code, message: reply.message))
    }
}
