import Fluent
import FluentSQL
import Foundation
import VerdictCore

extension ToolModel {
    /// Any one tool's id (nil in an empty catalog): `/healthz`'s read of the catalog table.
    static func anyID(on db: any Database) async throws -> UUID? {
        try await ToolModel.query(on: db).field(\.$id).first()?.id
    }

    static func find(id: UUID, on db: any Database) async throws -> ToolModel? {
        try await ToolModel.find(id, on: db)
    }

    static func find(slug: String, on db: any Database) async throws -> ToolModel? {
        try await ToolModel.query(on: db).filter(\.$slug == slug).first()
    }

    /// The tool with this slug, its row locked for the rest of the transaction on PostgreSQL
    /// (SQLite's write transaction holds the whole file): for read-modify-write of its columns.
    static func findLocked(slug: String, on db: any Database) async throws -> ToolModel? {
        if !db.isSQLite {
            try await db.sql().select().column("id").from(ToolModel.schema).where("slug", .equal, SQLBind(slug))
                .lockingClause(SQLLockingClause.update).run()
        }
        return try await find(slug: slug, on: db)
    }

    /// The tools with these slugs, in no particular order; unknown slugs are absent.
    static func find(slugs: [String], on db: any Database) async throws -> [ToolModel] {
        guard !slugs.isEmpty else { return [] }
        return try await ToolModel.query(on: db).filter(\.$slug ~~ slugs).all()
    }

    /// Every tool, retired ones included, by slug.
    static func allBySlug(on db: any Database) async throws -> [ToolModel] {
        try await ToolModel.query(on: db).sort(\.$slug).all()
    }

    /// Slugs of the `limit` listed tools changed most recently, newest first.
    static func recentlyUpdatedSlugs(limit: Int, on db: any Database) async throws -> [String] {
        try await ToolModel.query(on: db).filter(\.$retiredAt == nil).sort(\.$updatedAt, .descending).limit(limit).all(\.$slug)
    }

    /// Slugs of the listed tools added in [`start`, `end`).
    static func listedSlugs(createdFrom start: Date, to end: Date, on db: any Database) async throws -> [String] {
        try await ToolModel.query(on: db).filter(\.$retiredAt == nil)
            .filter(\.$createdAt >= start).filter(\.$createdAt < end).all(\.$slug)
    }

    static func allSlugs(on db: any Database) async throws -> Set<String> {
        Set(try await ToolModel.query(on: db).all(\.$slug))
    }

    static func count(on db: any Database) async throws -> Int {
        try await ToolModel.query(on: db).count()
    }

    /// Every tool, retired ones included, by name (the desk's list).
    static func allByName(on db: any Database) async throws -> [ToolModel] {
        try await ToolModel.query(on: db).sort(\.$name).all()
    }

    /// How many tools are retired (true) or listed (false).
    static func count(retired: Bool, on db: any Database) async throws -> Int {
        let query = ToolModel.query(on: db)
        return try await (retired ? query.filter(\.$retiredAt != nil) : query.filter(\.$retiredAt == nil)).count()
    }

    /// Every listed tool (retired ones leave listings) with its current takes and community
    /// numbers, in three queries.
    static func standings(on db: any Database, categorySlug: String? = nil) async throws -> [ToolStanding] {
        var query = ToolModel.query(on: db).filter(\.$retiredAt == nil)
        if let categorySlug { query = query.filter(\.$categorySlug == categorySlug) }
        let tools = try await query.sort(\.$name).all()
        let ids = tools.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let takes = try await TakeModel.current(forTools: ids, on: db)
        let votes = try await VoteModel.counts(forTools: ids, on: db)
        return tools.map { t in
            let current = takes[t.id!]
            return ToolStanding(
                tool: t.tool, takes: current?.takes ?? [],
                community: votes[t.id!] ?? CommunityScore(ship: 0, skip: 0), abstentions: current?.abstentions ?? [])
        }
    }

    /// One tool's standing by slug; nil when there is no such tool.
    static func standing(slug: String, on db: any Database) async throws -> ToolStanding? {
        guard let model = try await find(slug: slug, on: db) else { return nil }
        return try await standing(of: model, on: db)
    }

    /// The standing of a tool already loaded.
    static func standing(of model: ToolModel, on db: any Database) async throws -> ToolStanding? {
        try await standings(of: [model], on: db)[0]
    }

    /// The standings of tools already loaded, in their order (nil for a row never saved), in
    /// two queries whatever their number.
    static func standings(of models: [ToolModel], on db: any Database) async throws -> [ToolStanding?] {
        let ids = models.compactMap(\.id)
        let takes = ids.isEmpty ? [:] : try await TakeModel.current(forTools: ids, on: db)
        let votes = try await VoteModel.counts(forTools: ids, on: db)
        return models.map { model in
            guard let id = model.id else { return nil }
            let current = takes[id]
            return ToolStanding(
                tool: model.tool, takes: current?.takes ?? [], community: votes[id] ?? CommunityScore(ship: 0, skip: 0),
                abstentions: current?.abstentions ?? [])
        }
    }
}

extension Optional where Wrapped: Sendable {
    /// The value, or the result of `fallback` when nil.
    func asyncOr(_ fallback: () async throws -> Wrapped?) async rethrows -> Wrapped? {
        if let self { return self }
        return try await fallback()
    }
}

extension ToolModel {
    /// Retires (a date) or restores (nil) a tool in one conditional UPDATE, so of concurrent
    /// callers on any app server exactly one changes it (and records the change); false when the
    /// tool was already in that state.
    static func setRetired(slug: String, at date: Date?, now: Date, on db: any Database) async throws -> Bool {
        let changed = try await db.sql().update(schema)
            .set("retired_at", to: date).set("updated_at", to: now)
            .where("slug", .equal, slug)
            .where(SQLColumn("retired_at"), date == nil ? .isNot : .is, SQLLiteral.null)
            .returning("id").all()
        return !changed.isEmpty
    }
}
