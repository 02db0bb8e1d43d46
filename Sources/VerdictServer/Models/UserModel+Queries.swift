import Fluent
import Foundation
import VerdictCore

extension UserModel {
    /// The account with this email (already lowercased by the caller), if any.
    static func find(email: String, on db: any Database) async throws -> UserModel? {
        try await UserModel.query(on: db).filter(\.$email == email).first()
    }

    /// Stores a new account.
    static func create(email: String, passwordHash: String, role: Role, on db: any Database) async throws {
        try await UserModel(email: email, passwordHash: passwordHash, role: role).create(on: db)
    }

    /// Every account, by email.
    static func allByEmail(on db: any Database) async throws -> [UserModel] {
        try await UserModel.query(on: db).sort(\.$email).all()
    }

    /// Stores a changed password or enabled state, and ends every session of the account in
    /// the same transaction (the caller's): a new password or a disabled account signs out
    /// everywhere at once.
    static func saveEndingSessions(_ user: UserModel, on db: any Database) async throws {
        try await user.save(on: db)
        try await SessionModel.endAll(user: user.requireID(), on: db)
    }
}
