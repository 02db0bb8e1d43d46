import Fluent

/// An optional end date for each API token (`verdict token create --expires-in-days N`),
/// checked on every request.
struct AddTokenExpiry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens").field("expires_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").deleteField("expires_at").update()
    }
}
