import Fluent
import NIOConcurrencyHelpers
import Plot
import Vapor
import VerdictCore

/// `/leaderboard[/{category}]` and `GET /api/v1/leaderboard[?category=]`.
struct LeaderboardController {
    func page(req: Request) async throws -> Response {
        let model = try await load(req, categorySlug: req.parameters.get("category"))
        return LeaderboardPage.View(model: model).document().response()
    }

    func api(req: Request) async throws -> API.LeaderboardDTO {
        let model = try await load(req, categorySlug: req.query[String.self, at: "category"])
        return API.LeaderboardDTO(model)
    }

    func methodology(req: Request) async throws -> Response {
        let model = Methodology.Model(
            limits: req.settings.limits, minimumVotesForComparison: Comparison.minimumVotes,
            minimumComparisonsForLeaderboard: Leaderboard.minimumComparisons,
            criticsVsCrowdGap: CriticsVsCrowd.threshold, criticsVsCrowdMinimumVotes: CriticsVsCrowd.minimumVotes)
        return Methodology.View(model: model).document().response()
    }

    private func load(_ req: Request, categorySlug: String?) async throws -> LeaderboardPage.Model {
        let all = try await ToolModel.standings(on: req.db)
        let tools = categorySlug.map { slug in all.filter { $0.tool.categorySlug == slug } } ?? all
        if let categorySlug, tools.isEmpty {
            throw Abort(.notFound, reason: "There is no category called '\(categorySlug)'.")
        }
        let slugs = Set(tools.map(\.tool.slug))
        let results = try await PairVoteModel.results(on: req.db)
            .filter { slugs.contains($0.winner) && slugs.contains($0.loser) }
        let board = BoardCache.shared.board(results: results, items: slugs.sorted())
        return LeaderboardPage.Model(
            category: tools.first.flatMap { t in categorySlug.map { _ in (t.tool.category, t.tool.categorySlug) } },
            categories: Home.categories(all).map { ($0.name, $0.slug, $0.tools.count) },
            board: board, tools: Dictionary(uniqueKeysWithValues: tools.map { ($0.tool.slug, $0) }),
            minimumComparisons: Leaderboard.minimumComparisons)
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
