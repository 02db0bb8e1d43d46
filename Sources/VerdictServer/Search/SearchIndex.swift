import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// The search index: one document per tool (`search_documents`), matched by SQLite FTS5
/// (`search_fts`, keyed by the document's integer `doc`) or by a PostgreSQL `tsvector` with a GIN
/// index, and the vocabulary typo correction reads (`search_words`). Written only by `refresh`,
/// inside the transaction of every write that changes a tool, its takes or its prices.
enum SearchIndex {
    static let documents = "search_documents"
    static let fts = "search_fts"
    static let words = "search_words"

    /// Rebuilds the documents of these tools from their rows, current takes and current prices.
    /// `takes` may pass what the caller already read (the ranking has). Tools that no longer
    /// exist lose their document.
    static func refresh(_ ids: [UUID], takes known: [UUID: [Take]]? = nil, on db: any Database) async throws {
        for chunk in Array(Set(ids)).sorted(by: { $0.uuidString < $1.uuidString }).chunked(500) {
            let models = try await ToolModel.query(on: db).filter(\.$id ~~ chunk).all()
            let takes: [UUID: [Take]]
            if let known { takes = known } else { takes = try await TakeModel.current(forTools: chunk, on: db).mapValues(\.takes) }
            let quotes = try await OfferPrices.quotes(tools: chunk, on: db)
            let documents = models.compactMap { model -> (UUID, SearchDocument)? in
                guard let id = model.id else { return nil }
                return (id, SearchDocument(tool: model.tool, takes: (takes[id] ?? []).map(\.text), quotes: quotes[id] ?? []))
            }
            let sql = db.sql()
            let gone = Set(chunk).subtracting(documents.map(\.0))
            if db.isSQLite {
                try await SQLiteSearch.replace(documents, removing: gone, on: sql)
            } else {
                try await PostgresSearch.replace(documents, removing: gone, on: sql)
            }
            try await storeWords(documents.map(\.1), on: sql)
        }
    }

    /// Every document's words join the vocabulary; name words of four or more letters (no digits:
    /// "x1234" is not a word anyone misspells) are what a misspelt query word may be corrected to. Words are never removed: a
    /// stale one can only correct a typo to a word that then matches nothing.
    static func storeWords(_ documents: [SearchDocument], on sql: any SQLDatabase) async throws {
        let all = documents.reduce(into: Set<String>()) { $0.formUnion($1.allWords) }
        let names = documents.reduce(into: Set<String>()) { $0.formUnion($1.nameWords) }
            .filter { $0.count >= 4 && $0.allSatisfy(\.isLetter) }
        for chunk in all.sorted().chunked(1000) {
            var insert = sql.insert(into: words).columns("word", "size", "in_name")
            for word in chunk { insert = insert.values(SQLBind(word), SQLBind(word.count), SQLBind(false)) }
            try await insert.ignoringConflicts(with: ["word"]).run()
        }
        for chunk in names.sorted().chunked(1000) {
            try await sql.update(words).set("in_name", to: SQLBind(true)).where("word", .in, chunk)
                .where("in_name", .equal, SQLBind(false)).run()
        }
    }

    /// The filter values every engine stores, as binds in column order.
    static let filterColumns = [
        "name_terms", "open_weights", "license", "modalities", "context_window", "input_price",
        "price_unit", "released",
    ]

    static func filterValues(_ d: SearchDocument) -> [any Encodable & Sendable] {
        [
            d.name, d.openWeights, d.license, d.modalities, d.contextWindow,
            d.inputPrice.map { NSDecimalNumber(decimal: $0).doubleValue }, d.priceUnit?.rawValue, d.released,
        ]
    }

    /// Builds every document from scratch (the migration that adds search, and `verdict search
    /// reindex`).
    static func rebuild(on db: any Database) async throws -> Int {
        let ids = try await ToolModel.query(on: db).all(\.$id)
        try await refresh(ids, on: db)
        return ids.count
    }
}

/// SQLite: the document row owns an integer `doc`, which is the FTS5 row's `rowid`.
enum SQLiteSearch {
    static func replace(_ documents: [(UUID, SearchDocument)], removing gone: Set<UUID>, on sql: any SQLDatabase) async throws {
        if !gone.isEmpty {
            try await sql.raw(
                "DELETE FROM search_fts WHERE rowid IN (SELECT doc FROM search_documents WHERE tool_id IN \(binds: Array(gone)))"
            ).run()
            try await sql.delete(from: SearchIndex.documents).where("tool_id", .in, Array(gone)).run()
        }
        for (id, d) in documents {
            let doc = try await sql.insert(into: SearchIndex.documents).columns(["tool_id"] + SearchIndex.filterColumns)
                .values([SQLBind(id)] + SearchIndex.filterValues(d).map { SQLBind($0) })
                .onConflict(with: ["tool_id"]) { update in SearchIndex.filterColumns.reduce(update) { $0.set(excludedValueOf: $1) } }
                .returning("doc").first(decodingColumn: "doc", as: Int.self)
            guard let doc else { continue }
            try await sql.raw("DELETE FROM search_fts WHERE rowid = \(bind: doc)").run()
            try await sql.raw(
                "INSERT INTO search_fts (rowid, name, meta, body) VALUES (\(bind: doc), \(bind: d.name), \(bind: d.meta), \(bind: d.body))"
            )
            .run()
        }
    }
}

/// PostgreSQL: the document row carries its `tsvector`, name words weighted A, vendor and
/// tagline B, the rest C; the `simple` configuration, because the words arrive already split.
enum PostgresSearch {
    static func replace(_ documents: [(UUID, SearchDocument)], removing gone: Set<UUID>, on sql: any SQLDatabase) async throws {
        if !gone.isEmpty { try await sql.delete(from: SearchIndex.documents).where("tool_id", .in, Array(gone)).run() }
        for (id, d) in documents {
            try await sql.raw(
                """
                INSERT INTO search_documents (tool_id, \(unsafeRaw: SearchIndex.filterColumns.joined(separator: ", ")), document)
                VALUES (\(bind: id), \(binds: SearchIndex.filterValues(d)),
                  setweight(to_tsvector('simple', \(bind: d.name)), 'A') || setweight(to_tsvector('simple', \(bind: d.meta)), 'B')
                  || setweight(to_tsvector('simple', \(bind: d.body)), 'C'))
                ON CONFLICT (tool_id) DO UPDATE SET \(unsafeRaw: (SearchIndex.filterColumns + ["document"]).map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
                """
            ).run()
        }
    }
}
