import Fluent

struct CreateTools: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tools")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("vendor", .string)
            .field("category", .string, .required)
            .field("category_slug", .string, .required)
            .field("tagline", .string)
            .field("description", .string, .required)
            .field("entry", .string, .required)
            .field("homepage", .string)
            .field("source_url", .string)
            .field("facts", .string, .required)
            .field("facts_hash", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.sql().raw("CREATE INDEX tools_category_slug ON tools (category_slug)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tools").delete()
    }
}
