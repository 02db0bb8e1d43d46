import Foundation
import NIOCore

/// AUTH PLAIN (RFC 4616) or AUTH LOGIN, whichever the server offers, PLAIN first.
struct SMTPAuthenticator {
    let connection: SMTPConnection
    let timeout: TimeAmount

    func authenticate(username: String, password: String, offered: Set<String>) async throws {
        if offered.contains("PLAIN") {
            let token = Self.base64("\0\(username)\0\(password)")
            try finish(
                try await connection.command("AUTH PLAIN \(token)", label: "AUTH PLAIN", timeout: timeout))
        } else if offered.contains("LOGIN") {
            let start = try await connection.command("AUTH LOGIN", timeout: timeout)
            guard start.code == 334 else { return try finish(start) }
            let user = try await connection.command(
                Self.base64(username), label: "AUTH LOGIN username", timeout: timeout)
            guard user.code == 334 else { return try finish(user) }
            try finish(
                try await connection.command(
                    Self.base64(password), label: "AUTH LOGIN password", timeout: timeout))
        } else {
            throw MailTransportError(
                reason: .authenticationUnavailable(offered: offered.sorted().joined(separator: " ")))
        }
    }

    private func finish(_ reply: SMTPReply) throws {
        guard reply.code != 235 else { return }
        throw MailTransportError(
            reason: .authenticationFailed(code: reply.code, message: reply.message))
    }

    static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
