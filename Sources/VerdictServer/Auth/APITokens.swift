import Fluent
import Foundation
import Vapor
import VerdictCore

/// Bearer tokens for the admin API: `vdt_…`, shown once, stored as SHA-256, revocable, with an
/// optional expiry. A new password or a disabled account revokes them all (`AccountChanges`).
enum APITokens {
    static let prefix = "vdt_"

    /// Creates a token for the account; returns the row and the secret to show once.
    static func create(
        name: String, scope: TokenScope, owner: UserModel, expiresAt: Date? = nil, on db: any Database
    ) async throws -> (APITokenModel, String) {
        let secret = SiteCrypto.generate(prefix: prefix)
        let row = try await APITokenModel.create(
            name: name, tokenHash: SiteCrypto.sha256Hex(secret), scope: scope, user: try owner.requireID(), expiresAt: expiresAt,
            on: db)
        return (row, secret)
    }

    /// The principal for an `Authorization: Bearer` header, or nil when the token is unknown,
    /// revoked, expired, or its owner is disabled.
    static func principal(bearer: String, req: Request) async throws -> Principal? {
        guard bearer.hasPrefix(prefix), bearer.count < 100 else { return nil }
        let now = req.dependencies.clock.now()
        guard let row = try await APITokenModel.find(tokenHash: SiteCrypto.sha256Hex(bearer), on: req.db), row.isUsable(at: now),
            row.user.disabledAt == nil
        else { return nil }
        if row.lastUsedAt.map({ now.timeIntervalSince($0) > Sessions.touchInterval }) ?? true {
            try await APITokenModel.touch(row, now: now, on: req.db)
        }
        return .token(name: row.name, owner: row.user.email, role: row.user.role, scope: row.scope)
    }
}
