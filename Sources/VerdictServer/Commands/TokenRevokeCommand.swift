import Fluent
import Foundation
import Vapor
import VerdictCore

/// `verdict token revoke --name NAME`: stops a token working on every app server at once.
struct TokenRevokeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "name", help: "The token's name (`verdict token list`)")
        var name: String?
    }

    var help: String { "Revokes an admin API token\nExample: verdict token revoke --name ci" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let name = signature.name, let row = try await APITokenModel.find(name: name, on: app.db) else {
            throw ConfigError("--name must name an existing token (`verdict token list`)")
        }
        guard row.revokedAt == nil else {
            context.console.info("Token '\(name)' was already revoked.")
            return
        }
        try await app.db.transaction { tx in
            try await APITokenModel.revoke(row, at: app.dependencies.clock.now(), on: tx)
            try await Audit.record(
                Audit.cli("token revoke"), "token.revoked", subject: "token:\(name)", at: app.dependencies.clock.now(), on: tx)
        }
        context.console.success("Revoked token '\(name)'; it stops working on every app server now.")
    }
}
