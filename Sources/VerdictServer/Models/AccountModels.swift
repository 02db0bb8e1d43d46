import Fluent
import Foundation
import VerdictCore

/// A person who may sign in to the editor's desk.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    /// bcrypt, cost ≥ 12.
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var roleRaw: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "disabled_at") var disabledAt: Date?

    var role: Role { Role(rawValue: roleRaw) ?? .editor }

    init() {}

    init(email: String, passwordHash: String, role: Role) {
        self.email = email
        self.passwordHash = passwordHash
        self.roleRaw = role.rawValue
    }
}

/// A signed-in browser. The cookie holds a random secret; only its SHA-256 is stored.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}

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

    var scope: TokenScope { TokenScope(rawValue: scopeRaw) ?? .read }

    init() {}
}

/// One login attempt; counted per account and per network over a window.
final class LoginAttemptModel: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    /// The email as typed, lowercased (whether or not such an account exists).
    @Field(key: "account") var account: String
    /// A daily-salted HMAC of the client's network, as votes use.
    @Field(key: "network") var network: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "at") var at: Date

    init() {}

    init(account: String, network: String, succeeded: Bool, at: Date) {
        self.account = account
        self.network = network
        self.succeeded = succeeded
        self.at = at
    }
}

/// One change made by a person or a job: who, when, what, and the state before and after (JSON).
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "subject") var subject: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?

    init() {}
}

/// A model-written take waiting for (or past) an editor's decision.
final class TakeReviewModel: Model, @unchecked Sendable {
    static let schema = "take_reviews"

    enum Status: String, Sendable, CaseIterable {
        case pending, approved, rejected
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "tool_id") var tool: ToolModel
    @Field(key: "persona") var persona: String
    @Field(key: "status") var statusRaw: String
    /// The proposed take row, as JSON (see `TakeModel.Snapshot`).
    @Field(key: "take") var takeJSON: String
    @OptionalField(key: "edited_text") var editedText: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    var status: Status { Status(rawValue: statusRaw) ?? .pending }

    init() {}
}
