import Vapor
import VerdictCore

/// `/api/v1/tools…`: list, detail, and the ship/skip vote.
struct ToolsAPIController {
    func index(req: Request) async throws -> API.ToolList {
        let standings = try await ToolModel.standings(on: req.db)
        return API.ToolList(tools: standings.map(API.ToolSummary.init))
    }

    func show(req: Request) async throws -> API.ToolDetail {
        let slug = try req.parameters.require("slug")
        guard let standing = try await ToolModel.standing(slug: slug, on: req.db) else {
            throw Abort(.notFound, reason: "No tool with slug '\(slug)'")
        }
        return API.ToolDetail(standing)
    }

    func vote(req: Request) async throws -> Response {
        let slug = try req.parameters.require("slug")
        let body: API.VoteBody
        do {
            body = try req.content.decode(API.VoteBody.self)
        } catch {
            throw Abort(.badRequest, reason: #"Expected a JSON body {"vote":"ship"} or {"vote":"skip"}"#)
        }
        guard let verdict = Verdict(rawValue: body.vote) else {
            throw Abort(.badRequest, reason: "'vote' must be \"ship\" or \"skip\", got \"\(body.vote.prefix(40))\"")
        }
        let result = try await Voting.cast(verdict, on: slug, req: req)
        let response = try await API.VoteResult(tool: slug, vote: verdict, community: API.Score(result.community))
            .encodeResponse(for: req)
        result.setCookie(on: response, req: req)
        return response
    }
}
