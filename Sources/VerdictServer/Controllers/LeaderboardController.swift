import Fluent
import NIOConcurrencyHelpers
import Plot
import Vapor
import VerdictCore

/// `/leaderboard[/{category}]` and `GET /api/v1/leaderboard[?category=]`.
///
/// The board holds the tools with head-to-head picks (read from the picks, not the catalog);
/// tools never compared are counted, not listed.
struct LeaderboardController {
    func page(req: Request) async throws -> CachedAnswer {
        let category = req.parameters.get("category")
        return CachedAnswer { db in
            let (model, tags) = try await Self.load(categorySlug: category, on: db)
            return .html(LeaderboardPage.View(model: model).document().render(), tags: tags)
        }
    }

    func api(req: Request) async throws -> CachedAnswer {
        let category = req.queryValue("category")
        var answer = CachedAnswer { db in
            let (model, tags) = try await Self.load(categorySlug: category, on: db)
            return try .json(API.LeaderboardDTO(model), tags: tags)
        }
        answer.keyQuery = ["category": category ?? ""]
        return answer
    }

    func methodology(req: Request) async throws -> CachedAnswer {
        let limits = req.settings.limits
        return CachedAnswer { _ in
            let model = Methodology.Model(
                limits: limits, minimumVotesForComparison: Comparison.minimumVotes,
                minimumComparisonsForLeaderboard: Leaderboard.minimumComparisons,
                criticsVsCrowdGap: CriticsVsCrowd.threshold, criticsVsCrowdMinimumVotes: CriticsVsCrowd.minimumVotes)
            return .html(Methodology.View(model: model).document().render(), tags: [])
        }
    }

    /// A scope this small names its tools without picks; a larger one only counts them.
    static let namedUntouchedLimit = 50

    static func load(categorySlug: String?, on db: any Database) async throws -> (LeaderboardPage.Model, Set<CacheTag>) {
        let summaries = try await ToolModel.categorySummaries(on: db)
        let scope = categorySlug.flatMap { slug in summaries.first { $0.slug == slug } }
        if let categorySlug, scope == nil {
            throw Abort(.notFound, reason: "There is no category called '\(categorySlug)'.")
        }
        let allResults = try await PairVoteModel.results(on: db)
        let compared = Set(allResults.flatMap { [$0.winner, $0.loser] })
        var models = try await ToolModel.find(slugs: compared.sorted(), on: db).filter { $0.retiredAt == nil }
        if let categorySlug { models = models.filter { $0.categorySlug == categorySlug } }
        let slugs = Set(models.map(\.slug))
        let results = allResults.filter { slugs.contains($0.winner) && slugs.contains($0.loser) }
        let board = BoardCache.shared.board(results: results, items: slugs.sorted())
        var shown = try await ToolModel.standings(of: models, on: db).compactMap { $0 }
        let total = scope?.count ?? summaries.reduce(0) { $0 + $1.count }
        // Tools with no pick inside this scope are counted; a small scope names them, and a board
        // too young to rank anything still offers a first comparison from them.
        let withPicks = Set(board.ranked.map(\.slug) + board.unranked.filter { $0.comparisons > 0 }.map(\.slug))
        var untouched: [String] = []
        if total <= namedUntouchedLimit || shown.count < 2 {
            let scoped = try await ToolModel.rankedStandings(
                categorySlug: categorySlug, offset: 0, limit: namedUntouchedLimit, on: db)
            shown += scoped.filter { t in !shown.contains { $0.tool.slug == t.tool.slug } }
            if total <= namedUntouchedLimit {
                untouched = scoped.map(\.tool.slug).filter { !withPicks.contains($0) }
            }
        }
        let model = LeaderboardPage.Model(
            category: scope.map { ($0.name, $0.slug) },
            categories: summaries.map { ($0.name, $0.slug, $0.count) },
            board: board, tools: Dictionary(shown.map { ($0.tool.slug, $0) }, uniquingKeysWith: { a, _ in a }),
            minimumComparisons: Leaderboard.minimumComparisons, uncompared: max(0, total - withPicks.count),
            untouched: untouched)
        var tags: Set<CacheTag> = [.leaderboard, .catalog]
        tags.formUnion(shown.map { .tool($0.tool.slug) })
        if let categorySlug { tags.insert(.category(categorySlug)) }
        return (model, tags)
    }
}

/// The bootstrap costs far more than the query; fits are kept for as long as the votes they
/// were fitted on are unchanged (the input itself is the key).
final class BoardCache: Sendable {
    static let shared = BoardCache()
    private let fits = NIOLockedValueBox<[Key: Leaderboard]>([:])

    private struct Key: Hashable {
        var results: [PairwiseResult]
        var items: [String]
    }

    func board(results: [PairwiseResult], items: [String]) -> Leaderboard {
        let key = Key(results: results.sorted { ($0.winner, $0.loser) < ($1.winner, $1.loser) }, items: items)
        if let hit = fits.withLockedValue({ $0[key] }) { return hit }
        let board = Leaderboard.build(results: key.results, items: items)
        fits.withLockedValue { fits in
            if fits.count > 64 { fits.removeAll() }
            fits[key] = board
        }
        return board
    }
}
