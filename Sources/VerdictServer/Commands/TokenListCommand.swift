import Vapor

/// `verdict token list`: every token, its scope, owner, state and last use.
struct TokenListCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Lists admin API tokens (never their secrets)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        for row in try await APITokenModel.allWithOwners(on: app.db) {
            let state = row.revokedAt.map { "revoked \($0)" } ?? "active"
            context.console.print(
                "\(row.name)\t\(row.scope.rawValue)\t\(row.user.email)\t\(state)\tlast used \(row.lastUsedAt.map { "\($0)" } ?? "never")")
        }
    }
}
