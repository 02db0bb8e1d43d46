import Vapor
import VerdictCore

/// `GET /api/v1/compare/{a}/{b}`: the derived comparison of two tools.
struct CompareAPIController {
    func show(req: Request) async throws -> CachedAnswer {
        let a = try req.parameters.require("a")
        let b = try req.parameters.require("b")
        return CachedAnswer { db in
            let comparison = try await Comparing.load(a, b, on: db)
            let dto = API.ComparisonDTO(
                tools: [API.ToolDetail(comparison.a), API.ToolDetail(comparison.b)],
                recommendation: .init(pick: comparison.recommendation.pick, reason: comparison.recommendation.reason),
                split: comparison.split, pricingRead: comparison.pricingRead,
                url: SiteURL.canonicalCompare(a, b).path)
            return try .json(dto, tags: [.tool(a), .tool(b)])
        }
    }

    func vote(req: Request) async throws -> Response {
        let a = try req.parameters.require("a")
        let b = try req.parameters.require("b")
        guard let body = try? req.content.decode(API.PickBody.self) else {
            throw Abort(.badRequest, reason: #"Expected a JSON body {"pick":"<slug>"} or {"pick":"neither"}"#)
        }
        let outcome = try await Voting.castPick(body.pick, a: a, b: b, req: req)
        let (first, second) = Comparison.canonicalPair(a, b)
        let response = try await API.HeadToHead(outcome.tally, a: first, b: second).encodeResponse(for: req)
        Voting.setCookie(outcome.newCookie, on: response, req: req)
        return response
    }
}
