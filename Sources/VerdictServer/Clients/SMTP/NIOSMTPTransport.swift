import NIOCore
import NIOPosix
import NIOSSL

/// Delivers envelopes to an SMTP server over SwiftNIO, reusing one connection for up to
/// `messagesPerSession` envelopes.
struct NIOSMTPTransport: MailTransport {
    let config: SMTPConfig
    let eventLoopGroup: any EventLoopGroup
    /// Deadline for connecting and for each reply, except the one after the message data.
    var commandTimeout: TimeAmount = .seconds(30)
    /// Deadline for the reply after the message data, when servers run their content checks.
    var dataTimeout: TimeAmount = .seconds(120)
    /// Servers often cap messages per connection; a longer batch opens a new session.
    var messagesPerSession = 100
    private let tls: NIOSSLContext?

    /// `tlsConfiguration` defaults to the system trust roots with hostname verification;
    /// tests pass one that trusts their self-signed certificate.
    init(
        config: SMTPConfig,
        tlsConfiguration: TLSConfiguration = .makeClientConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws {
        self.config = config
        self.eventLoopGroup = eventLoopGroup
        do {
            tls = config.security == .none ? nil : try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            throw MailTransportError(reason: .tlsFailed("cannot set up TLS: \(error)"))
        }
    }

    func send(_ envelopes: [Envelope]) async throws -> [DeliveryResult] {
        var results: [DeliveryResult] = []
        results.reserveCapacity(envelopes.count)
        var start = envelopes.startIndex
        while start < envelopes.endIndex {
            let end = min(start + max(messagesPerSession, 1), envelopes.endIndex)
            do {
                results += try await session(envelopes[start..<end])
            } catch var error as MailTransportError {
                error.completed = results + error.completed
                throw error
            }
            start = end
        }
        return results
    }

    private func session(_ envelopes: ArraySlice<Envelope>) async throws -> [DeliveryResult] {
        let channel = try await connect()
        return try await channel.executeThenClose { inbound, outbound in
            let connection = SMTPConnection(
                channel: channel.channel, inbound: inbound, outbound: outbound)
            var session = SMTPSession(
                connection: connection, config: config, tls: tls,
                commandTimeout: commandTimeout, dataTimeout: dataTimeout)
            try await session.open()
            var results: [DeliveryResult] = []
            for envelope in envelopes {
                do {
                    results.append(try await session.deliver(envelope))
                } catch var error as MailTransportError {
                    error.completed = results
                    throw error
                }
            }
            await session.quit()
            return results
        }
    }

    private func connect() async throws -> NIOAsyncChannel<String, ByteBuffer> {
        let implicitTLS = config.security == .implicitTLS ? tls : nil
        let hostname = config.sniHostname
        do {
            return try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(commandTimeout)
                .connect(host: config.host, port: config.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let pipeline = channel.pipeline.syncOperations
                        if let implicitTLS {
                            try pipeline.addHandler(
                                NIOSSLClientHandler(context: implicitTLS, serverHostname: hostname))
                        }
                        try pipeline.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                        return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            let reason = SMTPConnection.classify(error, label: "connect")
            if case .connectionLost(_, let detail) = reason {
                throw MailTransportError(
                    reason: .connectionFailed("\(config.host):\(config.port): \(detail)"))
            }
            throw MailTransportError(reason: reason)
        }
    }
}

extension SMTPConfig {
    /// The name for TLS SNI and certificate checks; IP literals are checked against the
    /// peer address instead, since SNI cannot carry them.
    var sniHostname: String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }
}
