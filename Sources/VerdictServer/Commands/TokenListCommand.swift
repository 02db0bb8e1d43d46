import Foundation
import Vapor

/// `verdict token list`: every token, its scope, owner, state (with its expiry) and last use.
struct TokenListCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Lists admin API tokens (never their secrets)\nExample: verdict token list" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let now = app.dependencies.clock.now()
        for row in try await APITokenModel.allWithOwners(on: app.db) {
            let used = row.lastUsedAt.map { $0.formatted(.iso8601) } ?? "never"
            context.console.print("\(row.name)\t\(row.scope.rawValue)\t\(row.user.email)\t\(Self.state(row, now: now))\tlast used \(used)")
        }
    }

    /// "active", "active, expires …", "expired …" or "revoked …".
    static func state(_ row: APITokenModel, now: Date) -> String {
        if let revoked = row.revokedAt { return "revoked \(revoked.formatted(.iso8601))" }
        guard let expires = row.expiresAt else { return "active" }
        return row.isUsable(at: now) ? "active, expires \(expires.formatted(.iso8601))" : "expired \(expires.formatted(.iso8601))"
    }
}
