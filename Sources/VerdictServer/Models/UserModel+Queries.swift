import Fluent
import Foundation
import VerdictCore

extension UserModel {
    /// The account with this email (already lowercased by the caller), if any.
    static func find(email: String, on db: any Database) async throws -> UserModel? {
        try await UserModel.query(on: db).filter(\.$email == email).first()
    }

    /// The account a command's `--email` names (any case), or a `ConfigError` ending in `hint`.
    static func require(email: String?, on db: any Database, hint: String) async throws -> UserModel {
        guard let email = email?.lowercased(), let user = try await find(email: email, on: db) else {
            throw ConfigError("--email must name an existing account (\(hint))")
        }
        return user
    }

    /// Stores a new account.
    static func create(email: String, passwordHash: String, role: Role, on db: any Database) async throws {
        try await UserModel(email: email, passwordHash: passwordHash, role: role).create(on: db)
    }

    /// Every account, by email.
    static func allByEmail(on db: any Database) async throws -> [UserModel] {
        try await UserModel.query(on: db).sort(\.$email).all()
    }

    /// Stores the account, ending every session and revoking every API token of it in the same
    /// transaction (the caller's): a new password or a disabled account signs out everywhere at
    /// once, and enabling it later brings none of them back. Returns the revoked tokens' names.
    static func saveEndingCredentials(_ user: UserModel, at: Date, on db: any Database) async throws -> [String] {
        try await user.save(on: db)
        try await SessionModel.endAll(user: user.requireID(), on: db)
        return try await APITokenModel.revokeAll(user: user.requireID(), at: at, on: db)
    }
}
