import Vapor
import VerdictCore

/// `GET /api/v1/compare/{a}/{b}`: the derived comparison of two tools.
struct CompareAPIController {
    func show(req: Request) async throws -> API.ComparisonDTO {
        let a = try req.parameters.require("a")
        let b = try req.parameters.require("b")
        let comparison = try await Comparing.load(a, b, on: req.db)
        return API.ComparisonDTO(
            tools: [API.ToolDetail(comparison.a), API.ToolDetail(comparison.b)],
            recommendation: .init(pick: comparison.recommendation.pick, reason: comparison.recommendation.reason),
            split: comparison.split, pricingRead: comparison.pricingRead,
            url: SiteURL.canonicalCompare(a, b).path)
    }
}
