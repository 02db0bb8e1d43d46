import Fluent

/// Named leases for work that exactly one server may do at a time (the weekly digest): whoever
/// holds a row's lease until `expires_at` does the work; a crashed holder's lease runs out and
/// another server takes over.
struct CreateSchedulerLeases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("scheduler_leases")
            .field("name", .string, .identifier(auto: false))
            .field("holder", .string, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("scheduler_leases").delete()
    }
}
