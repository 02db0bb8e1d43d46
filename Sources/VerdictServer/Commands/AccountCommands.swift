import Fluent
import Foundation
import Vapor
import VerdictCore
#if canImport(Glibc)
import Glibc
#endif

/// `verdict user create|list`: accounts for the editor's desk. The password is read from the
/// terminal (twice, without echo) or from standard input, never from an argument.
struct UserCommands: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create | list | password | disable | enable")
        var action: String

        @Option(name: "email", help: "The account's email address (every action but list)")
        var email: String?

        @Option(name: "role", help: "editor (default) or admin (create)")
        var role: String?
    }

    var help: String { "Creates, lists, re-passwords, disables and enables editor's-desk accounts (passwords read from the terminal or stdin)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        switch signature.action {
        case "create":
            guard let raw = signature.email, let email = EmailAddress(raw) else {
                throw ConfigError("--email must be an email address, e.g. --email editor@example.com")
            }
            let role = try Role(rawValue: signature.role ?? "editor").orThrow(ConfigError("--role must be editor or admin; got '\(signature.role ?? "")'"))
            let address = email.description.lowercased()
            if try await UserModel.query(on: app.db).filter(\.$email == address).first() != nil {
                throw ConfigError("An account for \(address) already exists.")
            }
            let password = try PasswordInput.read(prompt: "Password for \(address): ", confirm: true)
            if let problem = Passwords.policy.problem(with: password, email: address) {
                throw ConfigError(problem)
            }
            let hash = try await Passwords.hash(password, on: app)
            try await app.db.transaction { tx in
                let user = UserModel(email: address, passwordHash: hash, role: role)
                try await user.create(on: tx)
                try await Audit.record(
                    Audit.cli("user create"), "user.created", subject: "user:\(address)",
                    after: Audit.json(["email": address, "role": role.rawValue]), on: tx)
            }
            context.console.success("Created \(role.rawValue) \(address). Sign in at /login.")
        case "list":
            for user in try await UserModel.query(on: app.db).sort(\.$email).all() {
                context.console.print("\(user.email)\t\(user.role.rawValue)\(user.disabledAt == nil ? "" : "\tdisabled")")
            }
        case "password", "disable", "enable":
            guard let email = signature.email?.lowercased(),
                  let user = try await UserModel.query(on: app.db).filter(\.$email == email).first() else {
                throw ConfigError("--email must name an existing account (`verdict user list`)")
            }
            var hash: String?
            if signature.action == "password" {
                let password = try PasswordInput.read(prompt: "New password for \(email): ", confirm: true)
                if let problem = Passwords.policy.problem(with: password, email: email) { throw ConfigError(problem) }
                hash = try await Passwords.hash(password, on: app)
            }
            let newHash = hash
            try await app.db.transaction { tx in
                let before = Audit.json(["disabled": user.disabledAt != nil])
                switch signature.action {
                case "password": user.passwordHash = newHash ?? user.passwordHash
                case "disable": user.disabledAt = user.disabledAt ?? Date()
                default: user.disabledAt = nil
                }
                try await user.save(on: tx)
                // A new password or a disabled account ends every session at once.
                try await SessionModel.query(on: tx).filter(\.$user.$id == user.requireID()).delete()
                try await Audit.record(
                    Audit.cli("user \(signature.action)"), "user.\(signature.action == "password" ? "password_changed" : signature.action + "d")",
                    subject: "user:\(email)", before: before, after: Audit.json(["disabled": user.disabledAt != nil]), on: tx)
            }
            context.console.success("\(email): \(signature.action == "password" ? "password changed" : signature.action + "d"); its sessions have ended.")
        default:
            throw ConfigError("Unknown action '\(signature.action)'; use create, list, password, disable or enable.")
        }
    }
}

/// `verdict token create|list|revoke`: bearer tokens for the admin API, shown once, stored hashed.
struct TokenCommands: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create | list | revoke")
        var action: String

        @Option(name: "email", help: "The account that owns the token (create); the token never has more rights than it")
        var email: String?

        @Option(name: "name", help: "A unique name for the token (create, revoke)")
        var name: String?

        @Option(name: "scope", help: "read (default) or write (create)")
        var scope: String?
    }

    var help: String { "Creates, lists and revokes admin API tokens (the secret is printed once)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        switch signature.action {
        case "create":
            guard let email = signature.email?.lowercased(),
                  let owner = try await UserModel.query(on: app.db).filter(\.$email == email).first() else {
                throw ConfigError("--email must name an existing account (`verdict user create` makes one)")
            }
            guard let name = signature.name, !name.isEmpty, name.count <= 60,
                  name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                throw ConfigError("--name must be 1–60 letters, digits, '-', '_' or '.'")
            }
            let scope = try TokenScope(rawValue: signature.scope ?? "read").orThrow(ConfigError("--scope must be read or write; got '\(signature.scope ?? "")'"))
            if try await APITokenModel.query(on: app.db).filter(\.$name == name).first() != nil {
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
        case "list":
            for row in try await APITokenModel.query(on: app.db).with(\.$user).sort(\.$name).all() {
                let state = row.revokedAt.map { "revoked \($0)" } ?? "active"
                context.console.print("\(row.name)\t\(row.scope.rawValue)\t\(row.user.email)\t\(state)\tlast used \(row.lastUsedAt.map { "\($0)" } ?? "never")")
            }
        case "revoke":
            guard let name = signature.name, let row = try await APITokenModel.query(on: app.db).filter(\.$name == name).first() else {
                throw ConfigError("--name must name an existing token (`verdict token list`)")
            }
            guard row.revokedAt == nil else { context.console.info("Token '\(name)' was already revoked."); return }
            try await app.db.transaction { tx in
                row.revokedAt = Date()
                try await row.save(on: tx)
                try await Audit.record(Audit.cli("token revoke"), "token.revoked", subject: "token:\(name)", on: tx)
            }
            context.console.success("Revoked token '\(name)'; it stops working on every app server now.")
        default:
            throw ConfigError("Unknown action '\(signature.action)'; use create, list or revoke.")
        }
    }
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> any Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}

/// Reads a password without echo from a terminal, or one line from standard input.
enum PasswordInput {
    static func read(prompt: String, confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ConfigError("No password on standard input.")
            }
            return line
        }
        let first = try readHidden(prompt)
        if confirm {
            guard try readHidden("Again: ") == first else { throw ConfigError("The two passwords differ; nothing was created.") }
        }
        return first
    }

    private static func readHidden(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var old = termios()
        tcgetattr(STDIN_FILENO, &old)
        var silent = old
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &old)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ConfigError("No password entered.") }
        return line
    }
}
