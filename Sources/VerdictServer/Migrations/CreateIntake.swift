import Fluent
import SQLKit

/// The intake's tables: what each dataset said about each tool (`source_records`), who sells a
/// tool (`offers`), every dated version of an offer's prices (`offer_prices`, never overwritten),
/// the state of each configured source's sync (`source_syncs`), what changed in the catalog by day
/// (`catalog_events`, read by `/new` and the digest) and the suggestions waiting for an editor
/// (`intake_entries`). Tools gain `listing`: nil for editorial, "vendor" or "sponsored".
struct CreateIntake: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("source_records")
            .id()
            .field("tool_id", .uuid, .required, .references(ToolModel.schema, "id", onDelete: .cascade))
            .field("dataset", .string, .required)
            .field("record_id", .string, .required)
            .field("tool_key", .string, .required)
            .field("fingerprint", .string, .required)
            .field("record", .string, .required)
            .field("first_seen", .datetime, .required)
            .field("last_seen", .datetime, .required)
            .field("removed_at", .datetime)
            .unique(on: "dataset", "record_id")
            .create()
        try await database.sql().raw("CREATE INDEX source_records_tool ON source_records (tool_id)").run()
        try await database.sql().raw("CREATE INDEX source_records_key ON source_records (tool_key)").run()

        try await database.schema("offers")
            .id()
            .field("tool_id", .uuid, .required, .references(ToolModel.schema, "id", onDelete: .cascade))
            .field("offer_key", .string, .required)
            .field("seller", .string, .required)
            .field("seller_name", .string)
            .field("seller_kind", .string, .required)
            .field("variant", .string, .required)
            .field("hours_utc", .string)
            .field("source_url", .string)
            .field("first_seen", .datetime, .required)
            .unique(on: "tool_id", "offer_key")
            .create()

        try await database.schema("offer_prices")
            .id()
            .field("offer_id", .uuid, .required, .references("offers", "id", onDelete: .cascade))
            .field("dataset", .string, .required)
            .field("prices", .string, .required)
            .field("effective_from", .datetime)
            .field("recorded_at", .datetime, .required)
            .field("checked_at", .datetime, .required)
            .field("replaced_at", .datetime)
            .create()
        try await database.sql().raw("CREATE INDEX offer_prices_offer ON offer_prices (offer_id, dataset, recorded_at)").run()

        try await database.schema("source_syncs")
            .field("name", .string, .identifier(auto: false))
            .field("location", .string, .required)
            .field("etag", .string)
            .field("last_modified", .string)
            .field("body_hash", .string)
            .field("attempted_at", .datetime)
            .field("succeeded_at", .datetime)
            .field("failed_at", .datetime)
            .field("error", .string)
            .field("diff", .string)
            .create()

        try await database.schema("catalog_events")
            .id()
            .field("at", .datetime, .required)
            .field("day", .string, .required)
            .field("kind", .string, .required)
            .field("tool_id", .uuid, .references(ToolModel.schema, "id", onDelete: .cascade))
            .field("category_slug", .string, .required)
            .field("text", .string, .required)
            .create()
        try await database.sql().raw("CREATE INDEX catalog_events_at ON catalog_events (at)").run()
        try await database.sql().raw("CREATE INDEX catalog_events_category ON catalog_events (category_slug, at)").run()
        try await database.sql().raw("CREATE INDEX catalog_events_day ON catalog_events (day, at)").run()

        try await database.schema("intake_entries")
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("url", .string, .required)
            .field("category", .string, .required)
            .field("reason", .string, .required)
            .field("vendor_submitted", .bool, .required)
            .field("network", .string)
            .field("status", .string, .required)
            .field("tool_id", .uuid, .references(ToolModel.schema, "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("decided_at", .datetime)
            .field("decided_by", .string)
            .create()
        try await database.sql().raw("CREATE INDEX intake_entries_status ON intake_entries (status, created_at)").run()
        try await database.sql().raw("CREATE INDEX intake_entries_tool ON intake_entries (tool_id)").run()

        try await database.schema(ToolModel.schema).field("listing", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ToolModel.schema).deleteField("listing").update()
        for table in ["intake_entries", "catalog_events", "source_syncs", "offer_prices", "offers", "source_records"] {
            try await database.schema(table).delete()
        }
    }
}
