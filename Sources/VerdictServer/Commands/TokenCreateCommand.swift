import Fluent
import Foundation
import Vapor
import VerdictCore

/// `verdict token create --email OWNER --name NAME [--scope read|write] [--expires-in-days N]`.
struct TokenCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The account that owns the token; the token never has more rights than it")
        var email: String?

        @Option(name: "name", help: "A unique name for the token")
        var name: String?

        @Option(name: "scope", help: "read (default) or write")
        var scope: String?

        @Option(name: "expires-in-days", help: "Refuse the token after this many days (1–3650); without it, it works until revoked")
        var expiresInDays: String?
    }

    var help: String {
        "Creates an admin API token acting as an account (the secret is printed once)\nExample: verdict token create --email editor@example.com --name ci --scope write"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let owner = try await UserModel.require(email: signature.email, on: app.db, hint: "`verdict user create` makes one")
        let email = owner.email
        guard let name = signature.name, !name.isEmpty, name.count <= 60,
            name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
        else {
            throw ConfigError("--name must be 1–60 letters, digits, '-', '_' or '.'")
        }
        let scope = try TokenScope(rawValue: signature.scope ?? "read").orThrow(
            ConfigError("--scope must be read or write; got '\(signature.scope ?? "")'"))
        let now = app.dependencies.clock.now()
        let expiresAt = try Self.expiry(days: signature.expiresInDays, now: now)
        if try await APITokenModel.find(name: name, on: app.db) != nil {
            throw ConfigError("A token named '\(name)' exists; revoke it or pick another name.")
        }
        let secret = try await app.db.transaction { tx in
            let (_, secret) = try await APITokens.create(name: name, scope: scope, owner: owner, expiresAt: expiresAt, on: tx)
            let expires = expiresAt.map { $0.formatted(.iso8601) } ?? "never"
            try await Audit.record(
                Audit.cli("token create"), "token.created", subject: "token:\(name)",
                after: Audit.json(["name": name, "owner": email, "scope": scope.rawValue, "expires": expires]), at: now, on: tx)
            return secret
        }
        let until = expiresAt.map { ", expires \($0.formatted(.iso8601))" } ?? ""
        context.console.info(
            "Token '\(name)' (\(scope.rawValue), acting as \(email), \(owner.role.rawValue)\(until)); shown once, store it now:")
        context.console.print(secret)
    }

    /// When a token made at `now` with `--expires-in-days` stops working; nil without the option.
    static func expiry(days raw: String?, now: Date) throws -> Date? {
        guard let raw else { return nil }
        guard let days = Int(raw), (1...3650).contains(days) else {
            throw ConfigError("--expires-in-days must be a whole number of days from 1 to 3650; got '\(raw)'")
        }
        return now.addingTimeInterval(TimeInterval(days) * 86_400)
    }
}
