import Vapor

/// `verdict token create|list|revoke`: bearer tokens for the admin API, shown once, stored hashed.
struct TokenCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = [
        "create": TokenCreateCommand(), "list": TokenListCommand(), "revoke": TokenRevokeCommand(),
    ]
    var help: String { "Creates, lists and revokes admin API tokens (the secret is printed once)" }
}
