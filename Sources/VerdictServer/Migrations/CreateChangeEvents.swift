import Fluent

/// What each write changed, as cache tags, so that every app server (and a `verdict import`
/// run from cron) can drop exactly the cached pages that show it. Rows are kept for minutes.
struct CreateChangeEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("change_events")
            .field("id", .int64, .identifier(auto: true))
            .field("origin", .string, .required)
            .field("scope", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql().create(index: "change_events_created_at").on("change_events").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("change_events").delete()
    }
}
