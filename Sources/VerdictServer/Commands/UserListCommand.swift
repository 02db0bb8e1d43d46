import Vapor

/// `verdict user list`: every account, its role, and whether it is disabled.
struct UserListCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Lists editor's-desk accounts\nExample: verdict user list" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        for user in try await UserModel.allByEmail(on: app.db) {
            context.console.print("\(user.email)\t\(user.role.rawValue)\(user.disabledAt == nil ? "" : "\tdisabled")")
        }
    }
}
