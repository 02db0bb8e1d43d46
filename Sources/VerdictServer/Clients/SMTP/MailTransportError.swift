import Foundation

/// The transport failed as a whole; `completed` holds the results of the envelopes that
/// were handled before the failure (a prefix of the batch), the rest were not delivered.
struct MailTransportError: Error, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        /// No TCP connection (refused, unreachable, name not resolved).
        case connectionFailed(String)
        /// The TLS handshake or the TLS session failed.
        case tlsFailed(String)
        /// The server did not answer `command` in time.
        case timedOut(command: String)
        /// The connection closed or broke while waiting for a reply to `command`.
        case connectionLost(command: String, detail: String)
        /// The server said 421: it is shutting the session down.
        case serviceClosing(code: Int, message: String)
        /// The server refused the greeting, EHLO/HELO or STARTTLS.
        case rejected(command: String, code: Int, message: String)
        /// The server rejected the credentials or the AUTH exchange.
        case authenticationFailed(code: Int, message: String)
        /// Credentials are configured but the server offers neither AUTH PLAIN nor LOGIN.
        case authenticationUnavailable(offered: String)
        /// The server sent something that is not an SMTP reply.
        case protocolViolation(String)
    }

    var reason: Reason
    var completed: [DeliveryResult] = []

    /// True when retrying later without changing the configuration cannot help:
    /// bad credentials or a server without a usable AUTH mechanism.
    var isPermanent: Bool {
        switch reason {
        case .authenticationFailed(let code, _): return code >= 500
        case .authenticationUnavailable: return true
        case .rejected(_, let code, _): return code >= 500
        default: return false
        }
    }

    var description: String {
        let done = completed.isEmpty ? "" : " after \(completed.count) envelope(s)"
        switch reason {
        case .connectionFailed(let detail):
            return "SMTP: could not connect\(done): \(detail). Check VERDICT_SMTP_URL host and port."
        case .tlsFailed(let detail):
            return
                "SMTP: TLS failed\(done): \(detail). Check that the server's certificate is valid for the host in VERDICT_SMTP_URL."
        case .timedOut(let command): return "SMTP: no reply to \(command) in time\(done)."
        case .connectionLost(let command, let detail):
            return "SMTP: connection lost waiting for the reply to \(command)\(done): \(detail)."
        case .serviceClosing(let code, let message):
            return "SMTP: server closing the session\(done): \(code) \(message)"
        case .rejected(let command, let code, let message):
            return "SMTP: server rejected \(command)\(done): \(code) \(message)"
        case .authenticationFailed(let code, let message):
            return
                "SMTP: authentication failed: \(code) \(message). Check the user and password in VERDICT_SMTP_URL."
        case .authenticationUnavailable(let offered):
            return
                "SMTP: credentials are set but the server offers no AUTH PLAIN or LOGIN (offered: \(offered.isEmpty ? "none" : offered)); it may only allow AUTH after STARTTLS."
        case .protocolViolation(let detail):
            return "SMTP: unexpected data from the server\(done): \(detail)"
        }
    }
}
