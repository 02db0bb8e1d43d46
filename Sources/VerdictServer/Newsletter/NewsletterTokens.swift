import Foundation
import Vapor

/// Unforgeable links: unsubscribe and preview links are HMACs under the site key (nothing to
/// store, compared in constant time); confirmation tokens are random, stored only as SHA-256.
enum NewsletterTokens {
    static func unsubscribe(_ subscriber: UUID, key: SymmetricKey) -> String {
        mac("unsubscribe:v1:\(subscriber.uuidString.lowercased())", key: key)
    }

    static func verifyUnsubscribe(_ subscriber: UUID, token: String, key: SymmetricKey) -> Bool {
        verify("unsubscribe:v1:\(subscriber.uuidString.lowercased())", token: token, key: key)
    }

    static func preview(_ week: String, key: SymmetricKey) -> String { mac("preview:v1:\(week)", key: key) }

    static func verifyPreview(_ week: String, token: String, key: SymmetricKey) -> Bool {
        verify("preview:v1:\(week)", token: token, key: key)
    }

    /// A fresh confirmation token and the hash to store.
    static func confirmation() -> (token: String, hash: String) {
        let token = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64URLEncoded }
        return (token, hash(token))
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static func mac(_ message: String, key: SymmetricKey) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)).base64URLEncoded
    }

    private static func verify(_ message: String, token: String, key: SymmetricKey) -> Bool {
        guard let data = Data(base64URL: token) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(data, authenticating: Data(message.utf8), using: key)
    }
}
