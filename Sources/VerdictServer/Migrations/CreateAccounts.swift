import Fluent

/// Accounts for the editor's desk: people (bcrypt hashes), their sessions and API tokens (both
/// stored only as SHA-256 of the secret), and login attempts for throttling across app servers.
struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .field("disabled_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("api_tokens")
            .id()
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("scope", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .unique(on: "name")
            .create()
        try await database.schema("login_attempts")
            .id()
            .field("account", .string, .required)
            .field("network", .string, .required)
            .field("succeeded", .bool, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.sql().raw("CREATE INDEX login_attempts_account ON login_attempts (account, at)").run()
        try await database.sql().raw("CREATE INDEX login_attempts_network ON login_attempts (network, at)").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["login_attempts", "api_tokens", "sessions", "users"] {
            try await database.schema(table).delete()
        }
    }
}
