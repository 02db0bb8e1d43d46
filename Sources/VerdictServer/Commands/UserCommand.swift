import Vapor

/// `verdict user create|list|password|disable|enable`: accounts for the editor's desk. The
/// password is read from the terminal (twice, without echo) or from standard input, never
/// from an argument.
struct UserCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = [
        "create": UserCreateCommand(), "list": UserListCommand(),
        "password": UserChangeCommand(action: .password), "disable": UserChangeCommand(action: .disable),
        "enable": UserChangeCommand(action: .enable),
    ]
    var help: String {
        "Creates, lists, re-passwords, disables and enables editor's-desk accounts (passwords read from the terminal or stdin)"
    }
}
