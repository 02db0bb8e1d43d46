import Fluent
import FluentSQL
import Foundation
import VerdictCore

extension SearchQuery {
    /// One result as the page, the API and MCP show it: the tool's names and its two figures,
    /// read as three narrow statements for the whole page (no take texts, no facts).
    struct Row: Sendable {
        var slug, name, category, categorySlug: String
        var vendor, tagline: String?
        var entry: EntryTier
        var panel: PanelScore
        var community: CommunityScore
        var hit: Hit
    }

    static func rows(_ hits: [Hit], on db: any Database) async throws -> [Row] {
        guard !hits.isEmpty else { return [] }
        let sql = db.sql()
        struct Tool: Decodable {
            var id: UUID
            var slug, name, category, category_slug, entry: String
            var vendor, tagline: String?
        }
        let tools = try await sql.select().columns("id", "slug", "name", "category", "category_slug", "entry", "vendor", "tagline")
            .from(ToolModel.schema).where("slug", .in, hits.map(\.slug)).all(decoding: Tool.self)
        let ids = tools.map(\.id)
        struct Count: Decodable {
            var tool_id: UUID
            var verdict: String
            var n: Int
        }
        let counts = try await sql.select().column("tool_id").column("verdict").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(TakeModel.schema).where("tool_id", .in, ids).where("superseded_at", .is, SQLLiteral.null)
            .groupBy("tool_id").groupBy("verdict").all(decoding: Count.self)
        var panels: [UUID: PanelScore] = [:]
        for c in counts {
            var score = panels[c.tool_id] ?? PanelScore(ship: 0, skip: 0)
            if c.verdict == Verdict.ship.rawValue { score.ship += c.n } else if c.verdict == Verdict.skip.rawValue { score.skip += c.n }
            panels[c.tool_id] = score
        }
        let votes = try await VoteModel.counts(forTools: ids, on: db)
        let bySlug = Dictionary(tools.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        return hits.compactMap { hit in
            guard let t = bySlug[hit.slug] else { return nil }
            return Row(
                slug: t.slug, name: t.name, category: t.category, categorySlug: t.category_slug, vendor: t.vendor, tagline: t.tagline,
                entry: EntryTier(rawValue: t.entry) ?? .contact, panel: panels[t.id] ?? PanelScore(ship: 0, skip: 0),
                community: votes[t.id] ?? CommunityScore(ship: 0, skip: 0), hit: hit)
        }
    }
}
