import Fluent
import Foundation
import VerdictCore

/// The changes that decide who may act as an account, each in one transaction with its audit
/// entry. A new password and a disabled account end every session and revoke every API token
/// of the account; enabling it again restores none of them (it signs in afresh and gets new
/// tokens). Every path that changes a password or disables an account goes through here.
enum AccountChanges {
    enum Change: String, Sendable {
        case password, disable, enable

        /// The audit action and what the CLI reports.
        var done: String {
            switch self {
            case .password: "password changed"
            case .disable: "disabled"
            case .enable: "enabled"
            }
        }
    }

    /// Applies `change` to `user` (a `.password` change needs `passwordHash`, already bcrypt);
    /// returns the names of the tokens it revoked.
    @discardableResult
    static func apply(
        _ change: Change, to user: UserModel, passwordHash: String? = nil, actor: String, now: Date, on db: any Database
    ) async throws -> [String] {
        try await db.transaction { tx in
            let before = Audit.json(["disabled": user.disabledAt != nil])
            var revoked: [String] = []
            switch change {
            case .password:
                guard let passwordHash else { throw ConfigError("A password change needs the new password's hash.") }
                user.passwordHash = passwordHash
                revoked = try await UserModel.saveEndingCredentials(user, at: now, on: tx)
            case .disable:
                user.disabledAt = user.disabledAt ?? now
                revoked = try await UserModel.saveEndingCredentials(user, at: now, on: tx)
            case .enable:
                user.disabledAt = nil
                try await user.save(on: tx)
            }
            let after = AuditState(disabled: user.disabledAt != nil, revokedTokens: revoked)
            try await Audit.record(
                actor, "user.\(change == .password ? "password_changed" : change.done)", subject: "user:\(user.email)",
                before: before, after: Audit.json(after), at: now, on: tx)
            return revoked
        }
    }

    private struct AuditState: Encodable {
        var disabled: Bool
        var revokedTokens: [String]
    }
}
