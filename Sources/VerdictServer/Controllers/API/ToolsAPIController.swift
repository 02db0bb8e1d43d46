import Vapor
import VerdictCore

/// `/api/v1/tools…`: list, detail, and the ship/skip vote.
struct ToolsAPIController {
    static let defaultLimit = 100
    static let maxLimit = 500

    /// One page of listed tools in slug order (keyset: `after` the previous page's last slug).
    func index(req: Request) async throws -> CachedAnswer {
        let limit = try Self.limit(req)
        let after = req.queryValue("after")
        if let after, after.count > 80 || !Slug.isValidToolSlug(after) {
            throw Abort(.badRequest, reason: "'after' must be a tool slug, as in the previous page's `next`.")
        }
        var answer = CachedAnswer { db in
            let page = try await ToolModel.listedBySlug(after: after, limit: limit + 1, on: db)
            let shown = Array(page.prefix(limit))
            let standings = try await ToolModel.standings(of: shown, on: db).compactMap { $0 }
            let next = page.count > limit ? shown.last.map { "\(SiteURL.api(.tools).path)?limit=\(limit)&after=\($0.slug)" } : nil
            var tags: Set<CacheTag> = [.catalog]
            tags.formUnion(shown.map { .tool($0.slug) })
            return try .json(API.ToolList(tools: standings.map(API.ToolSummary.init), next: next), tags: tags)
        }
        answer.keyQuery = ["limit": "\(limit)", "after": after ?? ""]
        return answer
    }

    private static func limit(_ req: Request) throws -> Int {
        guard let raw = req.queryValue("limit") else { return defaultLimit }
        guard let n = Int(raw), (1...maxLimit).contains(n) else {
            throw Abort(.badRequest, reason: "'limit' must be a whole number from 1 to \(maxLimit); got '\(raw.prefix(20))'.")
        }
        return n
    }

    func show(req: Request) async throws -> CachedAnswer {
        let slug = try req.parameters.require("slug")
        return CachedAnswer { db in
            guard let standing = try await ToolModel.standing(slug: slug, on: db) else {
                throw Abort(.notFound, reason: "No tool with slug '\(slug)'")
            }
            return try .json(API.ToolDetail(standing), tags: [.tool(slug)])
        }
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
