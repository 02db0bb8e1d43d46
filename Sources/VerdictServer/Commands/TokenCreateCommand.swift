import Fluent
import Foundation
import Vapor
import VerdictCore

/// `verdict token create --email OWNER --name NAME [--scope read|write]`.
struct TokenCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The account that owns the token; the token never has more rights than it")
        var email: String?

        @Option(name: "name", help: "A unique name for the token")
        var name: String?

        @Option(name: "scope", help: "read (default) or write")
        var scope: String?
    }

    var help: String { "Creates an admin API token acting as an account (the secret is printed once)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let email = signature.email?.lowercased(),
            let owner = try await UserModel.find(email: email, on: app.db)
        else {
            throw ConfigError("--email must name an existing account (`verdict user create` makes one)")
        }
        guard let name = signature.name, !name.isEmpty, name.count <= 60,
            name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
        else {
            throw ConfigError("--name must be 1–60 letters, digits, '-', '_' or '.'")
        }
        let scope = try TokenScope(rawValue: signature.scope ?? "read").orThrow(
            ConfigError("--scope must be read or write; got '\(signature.scope ?? "")'"))
        if try await APITokenModel.find(name: name, on: app.db) != nil {
            throw ConfigError("A token named '\(name)' exists; revoke it or pick another name.")
        }
        let secret = try await app.db.transaction { tx in
            let (_, secret) = try await APITokens.create(name: name, scope: scope, owner: owner, on: tx)
            try await Audit.record(
                Audit.cli("token create"), "token.created", subject: "token:\(name)",
                after: Audit.json(["name": name, "owner": email, "scope": scope.rawValue]), on: tx)
            return secret
        }
        context.console.info("Token '\(name)' (\(scope.rawValue), acting as \(email), \(owner.role.rawValue)); shown once, store it now:")
        context.console.print(secret)
    }
}
