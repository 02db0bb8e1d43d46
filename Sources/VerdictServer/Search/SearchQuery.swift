import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// Runs a search: the query's words matched by the database's own full-text engine, the filters
/// as plain conditions on the document and the tool, one page in a stated order that is the
/// same on SQLite and PostgreSQL: exact name first, then every word in the name, then in the
/// name, vendor or tagline, then anywhere (description, category, takes); within each, the
/// panel's ship percentage, then the community's, then the rubric's standing, then the slug.
enum SearchQuery {
    static let pageSize = 20
    static let maxPageSize = 50
    /// Deeper pages are refused: a reader refines the words instead.
    static let maxPage = 50

    struct Hit: Sendable {
        var slug: String
        /// 0 exact name … 3 anywhere; nil when there were no words to find.
        var tier: Int?
        var inputPrice: Double?
        var priceUnit: PricedUnit?

        /// Where the words were found, for the reader; nil without words.
        var place: String? { tier.map(SearchQuery.place) }
    }

    struct Results: Sendable {
        var hits: [Hit]
        var more: Bool
        var match: SearchMatch
    }

    /// Which part of a tool the words were found in, by tier.
    static func place(_ tier: Int) -> String {
        switch tier {
        case 0: "exact name"
        case 1: "name"
        case 2: "vendor or tagline"
        default: "description or takes"
        }
    }

    static func run(_ f: SearchFilters, page: Int, size: Int, on db: any Database) async throws -> Results {
        let sql = db.sql()
        let sqlite = db.isSQLite
        let match = try await Self.match(f.words, on: sql)
        // Words asked for but none given ("%", "***"): nothing can match.
        if match.isEmpty, !f.query.trimmingCharacters(in: .whitespaces).isEmpty { return Results(hits: [], more: false, match: match) }
        var conditions: [SQLQueryString] = ["t.retired_at IS NULL"]
        let tier: SQLQueryString
        if match.isEmpty {
            tier = "3"
        } else if sqlite {
            conditions.append("d.doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH \(bind: match.fts5(.anywhere)))")
            tier = """
                CASE WHEN d.name_terms = \(bind: match.exactName) THEN 0 \
                WHEN d.doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH \(bind: match.fts5(.name))) THEN 1 \
                WHEN d.doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH \(bind: match.fts5(.nameOrMeta))) THEN 2 ELSE 3 END
                """
        } else {
            conditions.append("d.document @@ to_tsquery('simple', \(bind: match.tsquery(.anywhere)))")
            tier = """
                CASE WHEN d.name_terms = \(bind: match.exactName) THEN 0 \
                WHEN d.document @@ to_tsquery('simple', \(bind: match.tsquery(.name))) THEN 1 \
                WHEN d.document @@ to_tsquery('simple', \(bind: match.tsquery(.nameOrMeta))) THEN 2 ELSE 3 END
                """
        }
        conditions += filterConditions(f)
        let offset = (page - 1) * size
        let query: SQLQueryString = """
            SELECT t.slug AS slug, d.input_price AS input_price, d.price_unit AS price_unit, \(tier) AS tier \
            FROM search_documents d JOIN tools t ON t.id = d.tool_id \
            WHERE \(conditions.joined(separator: " AND ")) \
            ORDER BY tier, t.panel_rank DESC, t.community_rank DESC, t.rubric_standing DESC, t.slug\(unsafeRaw: sqlite ? "" : " COLLATE \"C\"") \
            LIMIT \(literal: size + 1) OFFSET \(literal: offset)
            """
        let rows = try await sql.raw(query).all()
        let hits = try rows.prefix(size).map { row in
            Hit(
                slug: try row.decode(column: "slug", as: String.self),
                tier: match.isEmpty ? nil : try row.decode(column: "tier", as: Int.self),
                inputPrice: try row.decode(column: "input_price", as: Double?.self),
                priceUnit: try row.decode(column: "price_unit", as: String?.self).flatMap(PricedUnit.init(rawValue:)))
        }
        return Results(hits: hits, more: rows.count > size, match: match)
    }

    /// The filters as conditions on the document (`d`) and the tool (`t`).
    static func filterConditions(_ f: SearchFilters) -> [SQLQueryString] {
        var c: [SQLQueryString] = []
        if let category = f.category { c.append("t.category_slug = \(bind: category)") }
        if let entry = f.entry { c.append("t.entry = \(bind: entry.rawValue)") }
        if let open = f.openWeights { c.append("d.open_weights = \(bind: open)") }
        if let license = f.license { c.append("d.license = \(bind: license)") }
        if let modality = f.modality { c.append("d.modalities LIKE \(bind: "%|\(modality)|%")") }
        if let context = f.minContext { c.append("d.context_window >= \(bind: context)") }
        if let price = f.maxInputPrice { c.append("d.input_price <= \(bind: NSDecimalNumber(decimal: price).doubleValue)") }
        switch f.verdict {
        case .ship: c.append("t.panel_rank > 50")
        case .split: c.append("t.panel_rank = 50")
        case .skip: c.append("t.panel_rank >= 0 AND t.panel_rank < 50")
        case nil: break
        }
        if let community = f.minCommunity { c.append("t.community_rank >= \(bind: community)") }
        if let released = f.releasedAfter { c.append("d.released > \(bind: released)") }
        return c
    }

    /// Each query word kept when some indexed word begins with it, else replaced by the name
    /// words within its allowed typos (kept as it is when none is close: it then matches nothing).
    static func match(_ words: [String], on sql: any SQLDatabase) async throws -> SearchMatch {
        var groups: [[String]] = []
        var corrected: [String: [String]] = [:]
        for word in words {
            let known = try await sql.select().column("word").from(SearchIndex.words)
                .where("word", .greaterThanOrEqual, word).where("word", .lessThan, word + "\u{10FFFF}").limit(1).first()
            guard known == nil, SearchText.allowedTypos(word) > 0 else {
                groups.append([word])
                continue
            }
            let candidates = try await sql.select().column("word").from(SearchIndex.words)
                .where("in_name", .equal, SQLBind(true))
                .where("size", .greaterThanOrEqual, word.count - SearchText.allowedTypos(word))
                .where("size", .lessThanOrEqual, word.count + SearchText.allowedTypos(word))
                .all(decodingColumn: "word", as: String.self)
            let fixes = SearchText.corrections(of: word, among: candidates)
            if !fixes.isEmpty { corrected[word] = fixes }
            groups.append(fixes.isEmpty ? [word] : fixes)
        }
        return SearchMatch(groups: groups, corrected: corrected)
    }
}
