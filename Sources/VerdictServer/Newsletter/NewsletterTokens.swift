import Foundation
import Vapor

/// Unforgeable links: unsubscribe and preview links are HMACs under the site key (nothing to
/// store, compared in constant time); a confirmation token is an HMAC of the address and a
/// random stored nonce, stored only as SHA-256, so the same link can be mailed again.
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

    /// The confirmation token for `email` under `nonce`: needs both the site key and the
    /// database's nonce, and the database keeps only its hash.
    static func confirmation(email: String, nonce: String, key: SymmetricKey) -> String {
        mac("confirm:v1:\(nonce):\(email)", key: key)
    }

    private static func mac(_ message: String, key: SymmetricKey) -> String { SiteCrypto.mac(message, key: key) }

    private static func verify(_ message: String, token: String, key: SymmetricKey) -> Bool {
        SiteCrypto.verify(token, of: message, key: key)
    }
}
