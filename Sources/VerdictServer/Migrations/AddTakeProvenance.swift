import Fluent

/// What a model-written take records: which backend and model, at what temperature, for how
/// many tokens and dollars, in how long, and which facts and claims it relied on.
struct AddTakeProvenance: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for (name, type) in [
            ("backend", "TEXT"), ("model", "TEXT"), ("temperature", "DOUBLE PRECISION"),
            ("prompt_tokens", "INTEGER"), ("cached_tokens", "INTEGER"), ("completion_tokens", "INTEGER"),
            ("cost_usd", "DOUBLE PRECISION"), ("latency_ms", "INTEGER"), ("relied_on", "TEXT"),
        ] {
            // One column per statement: SQLite's ALTER TABLE adds one at a time.
            try await database.sql().raw("ALTER TABLE takes ADD COLUMN \(unsafeRaw: name) \(unsafeRaw: type)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for name in [
            "backend", "model", "temperature", "prompt_tokens", "cached_tokens", "completion_tokens",
            "cost_usd", "latency_ms", "relied_on",
        ] {
            try await database.sql().raw("ALTER TABLE takes DROP COLUMN \(unsafeRaw: name)").run()
        }
    }
}
