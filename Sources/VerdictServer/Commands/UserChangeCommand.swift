import Fluent
import Foundation
import Vapor
import VerdictCore

/// `verdict user password|disable|enable --email ADDRESS`: one verb per action, sharing the
/// audit and the ending of the account's sessions.
struct UserChangeCommand: AsyncCommand {
    enum Action: String {
        case password, disable, enable
    }

    struct Signature: CommandSignature {
        @Option(name: "email", help: "The account's email address")
        var email: String?
    }

    let action: Action

    var help: String {
        switch action {
        case .password: "Sets a new password (read from the terminal or stdin); the account's sessions end"
        case .disable: "Disables an account; its sessions end"
        case .enable: "Enables a disabled account"
        }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let email = signature.email?.lowercased(),
            let user = try await UserModel.find(email: email, on: app.db)
        else {
            throw ConfigError("--email must name an existing account (`verdict user list`)")
        }
        var hash: String?
        if action == .password {
            let password = try PasswordInput.read(prompt: "New password for \(email): ", confirm: true)
            if let problem = Passwords.policy.problem(with: password, email: email) { throw ConfigError(problem) }
            hash = try await Passwords.hash(password, on: app)
        }
        let newHash = hash
        let now = app.dependencies.clock.now()
        try await app.db.transaction { tx in
            let before = Audit.json(["disabled": user.disabledAt != nil])
            switch action {
            case .password: user.passwordHash = newHash ?? user.passwordHash
            case .disable: user.disabledAt = user.disabledAt ?? now
            case .enable: user.disabledAt = nil
            }
            try await UserModel.saveEndingSessions(user, on: tx)
            try await Audit.record(
                Audit.cli("user \(action.rawValue)"), "user.\(action == .password ? "password_changed" : action.rawValue + "d")",
                subject: "user:\(email)", before: before, after: Audit.json(["disabled": user.disabledAt != nil]), on: tx)
        }
        context.console.success("\(email): \(action == .password ? "password changed" : action.rawValue + "d"); its sessions have ended.")
    }
}
