import Fluent

struct CreateVoters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("voters")
            .field("id", .string, .identifier(auto: false))
            // HMAC of the voter's /24 or /64 with a daily salt; never the address itself.
            .field("network", .string, .required)
            .field("counted", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql().raw("CREATE INDEX voters_network_created ON voters (network, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("voters").delete()
    }
}
