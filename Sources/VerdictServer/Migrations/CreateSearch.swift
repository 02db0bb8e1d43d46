import Fluent
import SQLKit

/// Full-text search (issue #16): one document per tool with the values the filters read, its
/// full-text index (SQLite FTS5, or a PostgreSQL `tsvector` under a GIN index) and the
/// vocabulary typo correction reads; then every existing tool is indexed.
struct CreateSearch: AsyncMigration {
    /// Narrow rows: the words themselves live in the full-text index; only the name's are kept
    /// here, for the exact-name test.
    static let columns = """
        name_terms TEXT NOT NULL, open_weights BOOLEAN, license TEXT, modalities TEXT NOT NULL, context_window BIGINT,
        input_price DOUBLE PRECISION, price_unit TEXT, released TEXT
        """

    func prepare(on database: any Database) async throws {
        let sql = database.sql()
        if database.isSQLite {
            try await sql.raw(
                "CREATE TABLE search_documents (doc INTEGER PRIMARY KEY, tool_id BLOB NOT NULL UNIQUE, \(unsafeRaw: Self.columns))"
            ).run()
            try await sql.raw(
                "CREATE VIRTUAL TABLE search_fts USING fts5(name, meta, body, tokenize = 'unicode61 remove_diacritics 2')"
            ).run()
            try await sql.raw(
                "CREATE TABLE search_words (word TEXT PRIMARY KEY, size INTEGER NOT NULL, in_name BOOLEAN NOT NULL) WITHOUT ROWID"
            )
            .run()
        } else {
            try await sql.raw(
                "CREATE TABLE search_documents (tool_id UUID PRIMARY KEY, \(unsafeRaw: Self.columns), document TSVECTOR NOT NULL)"
            ).run()
            try await sql.raw("CREATE INDEX search_documents_document ON search_documents USING GIN (document)").run()
            try await sql.raw(
                "CREATE TABLE search_words (word TEXT COLLATE \"C\" PRIMARY KEY, size INTEGER NOT NULL, in_name BOOLEAN NOT NULL)"
            ).run()
        }
        try await sql.raw("CREATE INDEX search_words_names ON search_words (in_name, size)").run()
        _ = try await SearchIndex.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql()
        try await sql.raw("DROP TABLE search_words").run()
        if database.isSQLite { try await sql.raw("DROP TABLE search_fts").run() }
        try await sql.raw("DROP TABLE search_documents").run()
    }
}
