import NIOCore
import NIOSSL

/// One TCP (or TLS) connection to an SMTP server: write a command, read its reply, with a
/// deadline on every reply. Used by one task at a time, inside `executeThenClose`.
final class SMTPConnection {
    private let channel: any Channel
    private var inbound: NIOAsyncChannelInboundStream<String>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var assembler = SMTPReplyAssembler()

    init(
        channel: any Channel,
        inbound: NIOAsyncChannelInboundStream<String>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.channel = channel
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
    }

    /// Sends one command line and waits for its reply. `label` names the command in errors,
    /// so AUTH exchanges never put credentials into a message.
    func command(_ line: String, label: String? = nil, timeout: TimeAmount) async throws -> SMTPReply {
        let label = label ?? line
        try await write(ByteBuffer(string: line + "\r\n"), label: label)
        return try await readReply(for: label, timeout: timeout)
    }

    func write(_ buffer: ByteBuffer, label: String) async throws {
        do {
            try await outbound.write(buffer)
        } catch {
            // A failed write only says "closed channel"; the inbound side holds the reason,
            // such as the TLS handshake error that closed it.
            try? await channel.close()
            var reason = Self.classify(error, label: label)
            do {
                while try await inbound.next() != nil {}
            } catch {
                reason = Self.classify(error, label: label)
            }
            throw MailTransportError(reason: reason)
        }
    }

    /// Reads one complete (possibly multi-line) reply. A 421 anywhere ends the session.
    func readReply(for label: String, timeout: TimeAmount) async throws -> SMTPReply {
        // On timeout the channel is closed, which ends the inbound stream; the timer's
        // future tells a timeout apart from the server hanging up.
        let channel = self.channel
        let timer = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
        var failure: MailTransportError.Reason
        do {
            while let line = try await inbound.next() {
                guard let reply = try assembler.feed(line) else { continue }
                timer.cancel()
                if reply.code == 421 {
                    throw MailTransportError(
                        reason: .serviceClosing(code: reply.code, message: reply.message))
                }
                return reply
            }
            failure = .connectionLost(command: label, detail: "closed by the server")
        } catch let error as MailTransportError {
            timer.cancel()
            throw error
        } catch {
            failure = Self.classify(error, label: label)
        }
        timer.cancel()
        if (try? await timer.futureResult.get()) != nil { failure = .timedOut(command: label) }
        throw MailTransportError(reason: failure)
    }

    /// Puts TLS under the line decoder, after the server's `220` to STARTTLS. Writes made
    /// from here on wait for the handshake.
    func startTLS(context: NIOSSLContext, serverHostname: String?) async throws {
        let channel = self.channel
        do {
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch {
            throw MailTransportError(reason: .tlsFailed(String(describing: error)))
        }
    }

    static func classify(_ error: any Error, label: String) -> MailTransportError.Reason {
        switch error {
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return .tlsFailed(String(describing: error))
        case let error as MailTransportError:
            return error.reason
        default:
            return .connectionLost(command: label, detail: String(describing: error))
        }
    }
}
