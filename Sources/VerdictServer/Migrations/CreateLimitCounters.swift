import Fluent
import SQLKit

/// Fixed-window counters for the vote limits (votes per network per minute, new voters per
/// network per hour), held in the database so every app server draws on one allowance.
struct CreateLimitCounters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Raw SQL for the two-column primary key, which `INSERT … ON CONFLICT` names as its target.
        // `window_start` is whole seconds since 1970: an integer compares and binds alike on both databases.
        try await database.sql().raw(
            """
            CREATE TABLE \(ident: LimitCounter.schema) (
                \(ident: "key") TEXT NOT NULL,
                \(ident: "window_start") BIGINT NOT NULL,
                \(ident: "count") BIGINT NOT NULL,
                PRIMARY KEY (\(ident: "key"), \(ident: "window_start"))
            )
            """
        ).run()
        // Pruning deletes by age alone.
        try await database.sql().raw("CREATE INDEX limit_counters_window ON limit_counters (window_start)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LimitCounter.schema).delete()
    }
}
