import Fluent
import Foundation
import VerdictCore

extension APITokenModel {
    /// Stores a new token for `user`, keyed by the SHA-256 of its secret.
    static func create(
        name: String, tokenHash: String, scope: TokenScope, user: UUID, expiresAt: Date?, on db: any Database
    ) async throws -> APITokenModel {
        let row = APITokenModel()
        row.name = name
        row.tokenHash = tokenHash
        row.scopeRaw = scope.rawValue
        row.$user.id = user
        row.expiresAt = expiresAt
        try await row.create(on: db)
        return row
    }

    /// The token with this secret hash, its owner loaded.
    static func find(tokenHash: String, on db: any Database) async throws -> APITokenModel? {
        try await APITokenModel.query(on: db).filter(\.$tokenHash == tokenHash).with(\.$user).first()
    }

    /// The token with this name (names are unique), if any.
    static func find(name: String, on db: any Database) async throws -> APITokenModel? {
        try await APITokenModel.query(on: db).filter(\.$name == name).first()
    }

    /// Every token with its owner, by name.
    static func allWithOwners(on db: any Database) async throws -> [APITokenModel] {
        try await APITokenModel.query(on: db).with(\.$user).sort(\.$name).all()
    }

    /// Records that the token was used at `now`.
    static func touch(_ row: APITokenModel, now: Date, on db: any Database) async throws {
        row.lastUsedAt = now
        try await row.save(on: db)
    }

    /// Stops the token working from `at` on.
    static func revoke(_ row: APITokenModel, at: Date, on db: any Database) async throws {
        row.revokedAt = at
        try await row.save(on: db)
    }

    /// Revokes every token of one account still in force at `at`; returns their names.
    static func revokeAll(user: UUID, at: Date, on db: any Database) async throws -> [String] {
        let names = try await APITokenModel.query(on: db).filter(\.$user.$id == user).filter(\.$revokedAt == nil).all(\.$name)
        try await APITokenModel.query(on: db).filter(\.$user.$id == user).filter(\.$revokedAt == nil).set(\.$revokedAt, to: at).update()
        return names
    }
}
