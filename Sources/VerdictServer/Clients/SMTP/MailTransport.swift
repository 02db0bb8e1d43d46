import Foundation

/// One message for one recipient: the SMTP envelope plus the finished RFC 5322 text.
struct Envelope: Sendable, Equatable {
    /// Envelope sender (`MAIL FROM`), a bare address without angle brackets.
    var from: String
    /// Envelope recipient (`RCPT TO`), a bare address without angle brackets.
    var to: String
    /// The full message, headers and body, lines ending in CRLF, not dot-stuffed.
    var data: String
}

/// What became of one envelope.
enum DeliveryResult: Sendable, Equatable {
    case delivered
    /// A 4xx answer: the same envelope may succeed later.
    case temporaryFailure(code: Int, message: String)
    /// A 5xx answer: sending again will not help.
    case permanentFailure(code: Int, message: String)

    /// The result a reply code stands for: 2xx delivered, 4xx temporary, anything else permanent.
    init(code: Int, message: String) {
        switch code {
        case 200..<300: self = .delivered
        case 400..<500: self = .temporaryFailure(code: code, message: message)
        default: self = .permanentFailure(code: code, message: message)
        }
    }
}

/// Delivers envelopes somewhere: an SMTP server (`NIOSMTPTransport`), an outbox directory
/// (`OutboxTransport`), or a closure in tests.
///
/// `send` returns one result per envelope, in order. It throws only when the transport as a
/// whole failed (server unreachable, TLS or authentication failed, server closing);
/// `MailTransportError.completed` then holds the results for the envelopes handled before
/// the failure, and every later envelope should be treated as a temporary failure.
protocol MailTransport: Sendable {
    func send(_ envelopes: [Envelope]) async throws -> [DeliveryResult]
}

extension MailTransport {
    /// Sends one envelope.
    func send(_ envelope: Envelope) async throws -> DeliveryResult {
        try await send([envelope])[0]
    }
}

/// A transport answering from a closure; for tests that need no socket and no directory.
struct ClosureMailTransport: MailTransport {
    let handler: @Sendable ([Envelope]) async throws -> [DeliveryResult]

    func send(_ envelopes: [Envelope]) async throws -> [DeliveryResult] {
        try await handler(envelopes)
    }
}
