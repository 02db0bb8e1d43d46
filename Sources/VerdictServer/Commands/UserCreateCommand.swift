import Fluent
import Foundation
import Vapor
import VerdictCore

/// `verdict user create --email ADDRESS [--role editor|admin]`.
struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The account's email address")
        var email: String?

        @Option(name: "role", help: "editor (default) or admin")
        var role: String?
    }

    var help: String {
        "Creates an editor's-desk account; the password is read from the terminal or stdin\nExample: verdict user create --email editor@example.com --role editor"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let raw = signature.email, let email = EmailAddress(raw) else {
            throw ConfigError("--email must be an email address, e.g. --email editor@example.com")
        }
        let role = try Role(rawValue: signature.role ?? "editor").orThrow(
            ConfigError("--role must be editor or admin; got '\(signature.role ?? "")'"))
        let address = email.description.lowercased()
        if try await UserModel.find(email: address, on: app.db) != nil {
            throw ConfigError("An account for \(address) already exists.")
        }
        let password = try PasswordInput.read(prompt: "Password for \(address): ", confirm: true)
        if let problem = Passwords.policy.problem(with: password, email: address) {
            throw ConfigError(problem)
        }
        let hash = try await Passwords.hash(password, on: app)
        try await app.db.transaction { tx in
            try await UserModel.create(email: address, passwordHash: hash, role: role, on: tx)
            try await Audit.record(
                Audit.cli("user create"), "user.created", subject: "user:\(address)",
                after: Audit.json(["email": address, "role": role.rawValue]), at: app.dependencies.clock.now(), on: tx)
        }
        context.console.success("Created \(role.rawValue) \(address). Sign in at /login.")
    }
}
