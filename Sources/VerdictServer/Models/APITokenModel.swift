import Fluent
import Foundation
import VerdictCore

/// A bearer token for the admin API. Only the SHA-256 of the secret is stored.
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "scope") var scopeRaw: String
    @Parent(key: "user_id") var user: UserModel
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// After this the token is refused; nil: it works until revoked.
    @OptionalField(key: "expires_at") var expiresAt: Date?

    var scope: TokenScope { TokenScope(rawValue: scopeRaw) ?? .read }

    /// Whether the token may act at `now`: not revoked and not past its expiry.
    func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }

    init() {}
}
