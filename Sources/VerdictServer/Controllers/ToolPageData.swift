import Fluent
import Vapor
import VerdictCore

/// What the tool page shows that no vote changes: the tool's facts and takes, its rivals and
/// "compare with" choices, its take history, offers and dated changes. Kept in the `DataCache`
/// under the tool's, its rivals' and its category's members' tags, with the page's template
/// (`PageTemplate`): per render only the holes — community numbers, score timeline, offers'
/// ages and the reader's parts — are rendered.
struct ToolPageData: Sendable {
    var id: UUID
    /// The model without per-render parts (its community numbers are replaced per render).
    var model: ToolShow.Model
    /// The page rendered with holes for what a vote, a reader or the clock changes.
    var template: PageTemplate
    /// The cost section for a reader who gave no workload (the default preset), rendered.
    var defaultCost: String
    /// The vote form for each vote a reader may have (`""` for none), rendered.
    var voteForms: [String: String]
    /// The page's JSON-LD around its rating, the one part of it votes change.
    var jsonLD: StructuredData.ToolParts
    /// The rivals' ids, in the order of `model.rivals`.
    var rivalIDs: [UUID]
    var retired: Bool
    var tags: Set<CacheTag>
    /// A rough size for the cache's memory bound: the texts it holds, plus a fixed part.
    var bytes: Int

    /// The cache key: a tool and a day. The offers' "checked" dates follow source syncs, which
    /// confirm unchanged prices without publishing a change, so the data is read again daily.
    static func key(_ slug: String, at now: Date) -> String { "tool-page:\(slug)@\(UTCDate.day(now))" }

    /// The data and template; `publicURL` is the origin the page names (share tags, badge), `now`
    /// the day offers' ages are judged on (the key's day), past `priceMaxAgeDays` a price is old.
    static func load(_ slug: String, publicURL: String, now: Date, priceMaxAgeDays: Int, on db: any Database) async throws
        -> ToolPageData
    {
        guard let row = try await ToolModel.find(slug: slug, on: db), let id = row.id,
            let standing = try await ToolModel.standing(of: row, on: db)
        else {
            throw Abort(.notFound, reason: "There is no tool called '\(slug)' in the catalog.")
        }
        let candidates = try await ToolModel.rivalCandidates(
            categorySlug: row.categorySlug, limit: PageController.rivalCandidates, on: db)
        // The closest 50 (by the same similarity, so they depend on membership and facts, never
        // on ranking): the first three are the rivals, all of them the "compare with" picker.
        let closest = Rivals.closest(to: standing.tool, among: candidates, limit: PageController.compareChoices)
        let rivalSlugs = closest.prefix(3).map(\.slug)
        let found = try await ToolModel.find(slugs: rivalSlugs, on: db)
        let rivalRows = rivalSlugs.compactMap { slug in found.first { $0.slug == slug } }
        let loaded = try await ToolModel.standings(of: rivalRows, on: db)
        let rivalPairs = zip(rivalRows, loaded).compactMap { row, standing in standing.flatMap { s in row.id.map { ($0, s) } } }
        let rivals = rivalPairs.map(\.1)
        var model = ToolShow.Model(standing: standing, rivals: rivals, myVote: nil, notice: nil, now: now)
        model.priceMaxAgeDays = priceMaxAgeDays
        model.compareChoices = closest.map { ($0.slug, $0.name) }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        model.history = try await TakeModel.history(tool: id, on: db)
        model.retiredAt = row.retiredAt
        model.intake = try await ToolIntake.load(tool: id, on: db)
        (model.factsHash, model.factsChangedAt) = (row.factsHash, row.factsChangedAt)
        model.changes = try await CatalogEvents.forTool(id, limit: PageController.toolChanges, on: db)
        model.publicURL = publicURL
        model.cost = CostView(
            pricing: [(standing.tool, model.intake.quotes)], usage: CostView.defaultPreset.profile, preset: CostView.defaultPreset,
            asked: false, action: SiteURL.tool(slug).path)
        let view = ToolShow.View(model: model)
        let (template, defaultCost) = (view.template(), view.fill(.cost))
        let voteForms = ([nil] + Verdict.allCases).reduce(into: [String: String]()) { out, vote in
            var reader = view
            reader.model.myVote = vote
            out[vote?.rawValue ?? ""] = reader.fill(.voteForm)
        }
        var tags: Set<CacheTag> = [.tool(slug), .members(row.categorySlug)]
        tags.formUnion(rivalRows.map { .tool($0.slug) })
        let texts = (([standing] + rivals).flatMap(\.takes).map(\.text) + model.history.map(\.text)).reduce(0) { $0 + $1.utf8.count }
        return ToolPageData(
            id: id, model: model, template: template, defaultCost: defaultCost, voteForms: voteForms,
            jsonLD: StructuredData.toolParts(standing, url: publicURL + SiteURL.tool(slug).path), rivalIDs: rivalPairs.map(\.0),
            retired: row.retiredAt != nil, tags: tags,
            bytes: 16_384 + texts + 512 * (model.intake.quotes.count + model.changes.count)
                + template.size + defaultCost.utf8.count + voteForms.values.reduce(0) { $0 + $1.utf8.count })
    }

    /// What a vote changes on the page: the community numbers of the tool and its rivals and the
    /// tool's score timeline. Kept in the data cache under their `.community` tags (a vote drops
    /// them), keyed by the tool and rivals it was read for; two queries at once when missing.
    func numbers(on db: any Database, cache: DataCache) async throws -> Numbers {
        let ids = [id] + rivalIDs
        let slugs = [model.standing.tool.slug] + model.rivals.map(\.tool.slug)
        let key = "tool-numbers:" + ids.map(\.uuidString).joined(separator: ",")
        return try await cache.value(key, as: Numbers.self) { [id] in
            // Two reads at once, on two pooled connections: readers wait for this after a vote.
            async let counts = VoteModel.counts(forTools: ids, on: db)
            async let days = ScoreHistory.days(tool: id, on: db)
            let numbers = Numbers(counts: try await counts, days: try await days)
            return (numbers, Set(slugs.map(CacheTag.community)), 512 + 64 * numbers.days.count)
        }
    }

    struct Numbers: Sendable {
        var counts: [UUID: CommunityScore]
        var days: [ScoreDay]
    }
}
