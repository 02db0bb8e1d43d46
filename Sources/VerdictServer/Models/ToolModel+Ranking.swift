import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// The stored ranking and the listings read from it: each read is one slice of an index,
/// whatever the catalog's size.
extension ToolModel {
    /// Locks these tools' rows until the transaction ends (PostgreSQL, in id order so two
    /// writers never wait on each other crosswise); SQLite's write lock already serialises.
    static func lockRows(_ ids: [UUID], on db: any Database) async throws {
        guard !db.isSQLite, !ids.isEmpty else { return }
        let sorted = Array(Set(ids)).sorted { $0.uuidString < $1.uuidString }
        for start in stride(from: 0, to: sorted.count, by: 500) {
            try await db.sql().select().column("id").from(ToolModel.schema).where(
                "id", .in, Array(sorted[start..<min(start + 500, sorted.count)])
            )
            .orderBy("id").lockingClause(SQLLockingClause.update).run()
        }
    }

    /// Recomputes the stored panel and community ranks of `ids` from their takes and votes.
    /// Call it inside the transaction that changed them, so the ranking commits with the change.
    /// On PostgreSQL the rows are locked in id order first, so concurrent writers on several
    /// servers each read the counts after the other's commit, never an older one.
    ///
    /// With a date, the scores are also the day's row of each tool's timeline (`ScoreHistory`),
    /// and a change of a listed tool's panel ship percentage is a verdict change `/new` and the
    /// tool page list, with its `cause` ("new facts from models.dev"). Votes never change the
    /// panel, so the vote path asks for no verdict events and skips that read. Without a date
    /// (a migration ranking an existing catalog) only the ranks are written. Every write but a vote
    /// also rebuilds the tools' search documents here (`SearchIndex`). Returns the community
    /// numbers it ranked by.
    @discardableResult
    static func refreshRanking(
        _ ids: [UUID], at now: Date? = nil, verdictEvents: Bool = true, cause: String, on db: any Database
    ) async throws -> [UUID: CommunityScore] {
        var counted: [UUID: CommunityScore] = [:]
        let all = Array(Set(ids)).sorted { $0.uuidString < $1.uuidString }
        for start in stride(from: 0, to: all.count, by: 500) {
            let slice = Array(all[start..<min(start + 500, all.count)])
            try await lockRows(slice, on: db)
            // The stored ranks: to tell verdict changes, and for votes (which leave the takes as
            // they are) the panel itself, as stored when the takes last changed.
            var before: [UUID: (rank: Int, category: String, listed: Bool)] = [:]
            if now != nil || !verdictEvents {
                for row in try await db.sql().select().columns("id", "panel_rank", "category_slug", "retired_at").from(ToolModel.schema)
                    .where("id", .in, slice).all()
                {
                    before[try row.decode(column: "id", as: UUID.self)] = (
                        try row.decode(column: "panel_rank", as: Int.self), try row.decode(column: "category_slug", as: String.self),
                        try row.decode(column: "retired_at", as: Date?.self) == nil
                    )
                }
            }
            let takes = verdictEvents ? try await TakeModel.current(forTools: slice, on: db) : [:]
            // A migration ranking an existing catalog (no date) may run before the tallies exist.
            let votes = try await now == nil ? VoteModel.countRows(forTools: slice, on: db) : VoteModel.counts(forTools: slice, on: db)
            counted.merge(votes) { _, new in new }
            var events: [CatalogEvents.Event] = []
            var scores: [ScoreHistory.Score] = []
            for id in slice {
                let panel = verdictEvents ? PanelScore(takes: takes[id]?.takes ?? []).shipPercent ?? -1 : before[id]?.rank ?? -1
                let community = votes[id]?.shipPercent ?? -1
                try await db.sql().update(ToolModel.schema)
                    .set("panel_rank", to: panel).set("community_rank", to: community)
                    .where("id", .equal, id).run()
                scores.append(.init(tool: id, panel: panel, community: community, votes: votes[id]?.votes ?? 0))
                if let old = before[id], old.listed, old.rank >= 0, panel >= 0, old.rank != panel {
                    events.append(
                        .init(kind: .verdict, tool: id, categorySlug: old.category, text: "Panel ship \(old.rank)% → \(panel)% (\(cause))"))
                }
            }
            if let now {
                try await CatalogEvents.insert(events, at: now, on: db)
                try await ScoreHistory.record(scores, at: now, on: db)
                // Takes and facts are searched: their documents change in the same transaction.
                if verdictEvents { try await SearchIndex.refresh(slice, takes: takes.mapValues(\.takes), on: db) }
            }
        }
        return counted
    }

    /// Listed tools in ranking order (panel, then community, then the rubric's standing; the slug
    /// only keeps tied tools in a stable order), one page.
    static func ranked(categorySlug: String?, offset: Int, limit: Int, on db: any Database) async throws -> [ToolModel] {
        var query = ToolModel.query(on: db).filter(\.$retiredAt == nil)
        if let categorySlug { query = query.filter(\.$categorySlug == categorySlug) }
        return try await query.sort(\.$panelRank, .descending).sort(\.$communityRank, .descending)
            .sort(\.$rubricStanding, .descending).sort(\.$slug)
            .range(offset..<(offset + limit)).all()
    }

    /// The first `perCategory` listed standings of each category, in ranking order: one statement
    /// per 100 categories (each part reads the category's slice of the listing index), then one
    /// batch of takes and votes, instead of three queries per category (the home page).
    static func leaders(
        of categorySlugs: [String], perCategory: Int, on db: any Database
    ) async throws -> [String: [ToolStanding]] {
        var ranked: [(id: UUID, part: Int, position: Int)] = []
        for start in stride(from: 0, to: categorySlugs.count, by: 100) {
            let slugs = categorySlugs[start..<min(start + 100, categorySlugs.count)]
            let parts: [SQLQueryString] = slugs.enumerated().map { offset, slug in
                """
                SELECT * FROM (SELECT \(ident: "id"), \(literal: start + offset) AS \(ident: "part"),
                ROW_NUMBER() OVER (ORDER BY panel_rank DESC, community_rank DESC, rubric_standing DESC, slug) AS \(ident: "position")
                FROM \(ident: ToolModel.schema) WHERE retired_at IS NULL AND category_slug = \(bind: slug)
                ORDER BY panel_rank DESC, community_rank DESC, rubric_standing DESC, slug LIMIT \(literal: perCategory)) AS \(ident: "top\(offset)")
                """
            }
            for row in try await db.sql().raw(parts.joined(separator: " UNION ALL ")).all() {
                ranked.append(
                    (
                        try row.decode(column: "id", as: UUID.self), try row.decode(column: "part", as: Int.self),
                        try row.decode(column: "position", as: Int.self)
                    ))
            }
        }
        ranked.sort { ($0.part, $0.position) < ($1.part, $1.position) }
        let models = try await ToolModel.query(on: db).filter(\.$id ~~ ranked.map(\.id)).all()
        let byID = Dictionary(uniqueKeysWithValues: models.compactMap { m in m.id.map { ($0, m) } })
        let ordered = ranked.compactMap { byID[$0.id] }
        var out: [String: [ToolStanding]] = [:]
        for standing in try await standings(of: ordered, on: db).compactMap({ $0 }) {
            out[standing.tool.categorySlug, default: []].append(standing)
        }
        return out
    }

    /// One page of listed standings, in ranking order.
    static func rankedStandings(
        categorySlug: String?, offset: Int, limit: Int, on db: any Database
    ) async throws -> [ToolStanding] {
        try await rankedPage(categorySlug: categorySlug, offset: offset, limit: limit, on: db).standings
    }

    /// A tool's place in a ranking, and the rubric's standing that broke any tie above it.
    struct Place: Sendable {
        var place: Int
        var tied: Bool
        var standing: Double
    }

    /// One page of a category's ranking with each tool's place: tools equal in panel, community
    /// and the rubric's standing share a place ("=3"), as in a competition ranking (1, 2, =3, =3,
    /// 5). The first place on a page counts the tools above it (one indexed count).
    static func rankedPage(
        categorySlug: String?, offset: Int, limit: Int, on db: any Database
    ) async throws -> (standings: [ToolStanding], places: [Place]) {
        // One more than the page: the page's last tool is tied if the next page's first equals it.
        let read = try await ranked(categorySlug: categorySlug, offset: offset, limit: limit + 1, on: db)
        let models = Array(read.prefix(limit))
        let standings = try await standings(of: models, on: db).compactMap { $0 }
        func key(_ m: ToolModel) -> [Double] { [Double(m.panelRank), Double(m.communityRank), m.rubricStanding] }
        var places: [Place] = []
        for (index, model) in models.enumerated() {
            if index > 0, key(models[index - 1]) == key(model) {
                places[index - 1].tied = true
                places.append(Place(place: places[index - 1].place, tied: true, standing: model.rubricStanding))
            } else if index == 0, offset > 0 {
                var above = ToolModel.query(on: db).filter(\.$retiredAt == nil)
                if let categorySlug { above = above.filter(\.$categorySlug == categorySlug) }
                let ahead = try await above.group(.or) { or in
                    or.filter(\.$panelRank > model.panelRank)
                    or.group(.and) { and in
                        and.filter(\.$panelRank == model.panelRank)
                        and.group(.or) { inner in
                            inner.filter(\.$communityRank > model.communityRank)
                            inner.group(.and) {
                                $0.filter(\.$communityRank == model.communityRank).filter(\.$rubricStanding > model.rubricStanding)
                            }
                        }
                    }
                }.count()
                places.append(Place(place: ahead + 1, tied: ahead + 1 < offset + 1, standing: model.rubricStanding))
            } else {
                places.append(Place(place: offset + index + 1, tied: false, standing: model.rubricStanding))
            }
        }
        if read.count > limit, let last = models.last, key(last) == key(read[limit]), !places.isEmpty {
            places[places.count - 1].tied = true
        }
        return (standings, places)
    }

    /// A category as listings show it: its name, slug and number of listed tools.
    struct CategorySummary: Sendable, Hashable, Decodable {
        var name: String
        var slug: String
        var count: Int
    }

    /// Every category with listed tools, by name: the stored list (`CategoryListing`).
    static func categorySummaries(on db: any Database) async throws -> [CategorySummary] {
        try await CategoryListing.summaries(on: db)
    }

    /// Listed tools of one category as `Rivals` compares them (slug, name, category, tagline and
    /// description; `Rivals` reads only the subject's own facts), read as plain rows without model
    /// decoding, in ranking order. Where a tool page's rivals come from.
    static func rivalCandidates(categorySlug: String, limit: Int, on db: any Database) async throws -> [Tool] {
        let rows = try await db.sql().select().columns("slug", "name", "category", "tagline", "description")
            .from(ToolModel.schema).where("retired_at", .is, SQLLiteral.null).where("category_slug", .equal, SQLBind(categorySlug))
            .orderBy("panel_rank", .descending).orderBy("slug").limit(limit).all()
        return try rows.map { row in
            Tool(
                slug: try row.decode(column: "slug", as: String.self), name: try row.decode(column: "name", as: String.self),
                category: try row.decode(column: "category", as: String.self),
                tagline: try row.decode(column: "tagline", as: String?.self),
                description: try row.decode(column: "description", as: String.self), entry: .free)
        }
    }

    /// The slugs and categories of `ids`, for telling the caches what a change touched.
    static func slugsAndCategories(of ids: [UUID], on db: any Database) async throws -> [(slug: String, category: String)] {
        guard !ids.isEmpty else { return [] }
        return try await ToolModel.query(on: db).filter(\.$id ~~ ids).field(\.$slug).field(\.$categorySlug).all()
            .map { ($0.slug, $0.categorySlug) }
    }

    /// Listed tools' slugs and last changes in slug order, one slice (the sitemap): plain rows,
    /// no model decoding.
    static func listedSlugs(offset: Int, limit: Int, on db: any Database) async throws -> [(slug: String, updated: Date?)] {
        try await db.sql().select().columns("slug", "updated_at").from(ToolModel.schema).where("retired_at", .is, SQLLiteral.null)
            .orderBy("slug").offset(offset).limit(limit).all()
            .map { (try $0.decode(column: "slug", as: String.self), try $0.decode(column: "updated_at", as: Date?.self)) }
    }

    /// Listed tools in slug order after `after` (exclusive), at most `limit`: one index range.
    static func listedBySlug(after: String?, limit: Int, on db: any Database) async throws -> [ToolModel] {
        var query = ToolModel.query(on: db).filter(\.$retiredAt == nil)
        if let after { query = query.filter(\.$slug > after) }
        return try await query.sort(\.$slug).limit(limit).all()
    }
}
