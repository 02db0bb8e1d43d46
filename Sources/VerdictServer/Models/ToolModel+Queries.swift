import Fluent
import FluentSQL
import Foundation
import VerdictCore

extension ToolModel {
    static func find(slug: String, on db: any Database) async throws -> ToolModel? {
        try await ToolModel.query(on: db).filter(\.$slug == slug).first()
    }

    static func allSlugs(on db: any Database) async throws -> Set<String> {
        Set(try await ToolModel.query(on: db).all(\.$slug))
    }

    static func count(on db: any Database) async throws -> Int {
        try await ToolModel.query(on: db).count()
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
        guard let id = model.id else { return nil }
        let current = try await TakeModel.current(forTools: [id], on: db)[id]
        let votes = try await VoteModel.counts(forTools: [id], on: db)[id]
        return ToolStanding(
            tool: model.tool, takes: current?.takes ?? [], community: votes ?? CommunityScore(ship: 0, skip: 0),
            abstentions: current?.abstentions ?? [])
    }
}

extension Optional where Wrapped: Sendable {
    /// The value, or the result of `fallback` when nil.
    func asyncOr(_ fallback: () async throws -> Wrapped?) async rethrows -> Wrapped? {
        if let self { return self }
        return try await fallback()
    }
}
