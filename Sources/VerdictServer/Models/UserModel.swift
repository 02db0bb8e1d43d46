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
