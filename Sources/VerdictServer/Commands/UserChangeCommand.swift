import Fluent
import Foundation
import Vapor
import VerdictCore

/// `verdict user password|disable|enable --email ADDRESS`: one verb per action, applied by
/// `AccountChanges` (a new password or a disabled account ends its sessions and revokes its
/// tokens; enabling restores neither).
struct UserChangeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The account's email address")
        var email: String?
    }

    let action: AccountChanges.Change

    var help: String {
        switch action {
        case .password: "Sets a new password (read from the terminal or stdin); the account's sessions end and its tokens are revoked"
        case .disable: "Disables an account; its sessions end and its tokens are revoked"
        case .enable: "Enables a disabled account (its old sessions and tokens stay ended: sign in and create tokens afresh)"
        }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let user = try await UserModel.require(email: signature.email, on: app.db, hint: "`verdict user list`")
        let email = user.email
        var hash: String?
        if action == .password {
            let password = try PasswordInput.read(prompt: "New password for \(email): ", confirm: true)
            if let problem = Passwords.policy.problem(with: password, email: email) { throw ConfigError(problem) }
            hash = try await Passwords.hash(password, on: app)
        }
        let revoked = try await AccountChanges.apply(
            action, to: user, passwordHash: hash, actor: Audit.cli("user \(action.rawValue)"), now: app.dependencies.clock.now(),
            on: app.db)
        let ended = action == .enable ? "" : "; its sessions have ended and \(revoked.count) token(s) were revoked"
        context.console.success("\(email): \(action.done)\(ended).")
    }
}
