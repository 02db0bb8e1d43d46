import Fluent
import Plot
import Vapor
import VerdictCore

/// The HTML pages: each loads its model, and renders its view.
struct PageController {
    func home(req: Request) async throws -> Response {
        let standings = try await ToolModel.standings(on: req.db)
        let updated = try await ToolModel.recentlyUpdatedSlugs(limit: 6, on: req.db)
        return Home.View(model: Home.build(standings, recentSlugs: updated)).document().response()
    }

    func tool(req: Request) async throws -> Response {
        let slug = try req.parameters.require("slug")
        // The catalog's standings are needed for the rivals anyway; this tool's is among them.
        let all = try await ToolModel.standings(on: req.db)
        guard let row = try await ToolModel.find(slug: slug, on: req.db), let id = row.id else {
            throw Abort(.notFound, reason: "There is no tool called '\(slug)' in the catalog.")
        }
        // A retired tool is not among the listed standings; its page stays, with a notice.
        guard
            let standing = try await all.first(where: { $0.tool.slug == slug }).asyncOr({
                try await ToolModel.standing(of: row, on: req.db)
            })
        else {
            throw Abort(.notFound, reason: "There is no tool called '\(slug)' in the catalog.")
        }
        let rivalTools = Rivals.closest(to: standing.tool, among: all.map(\.tool))
        let rivals = rivalTools.compactMap { r in all.first { $0.tool.slug == r.slug } }
        var myVote: Verdict?
        if let voter = Voting.currentVoter(req) { myVote = try await VoteModel.vote(tool: id, voter: voter, on: req.db) }
        var model = ToolShow.Model(standing: standing, rivals: rivals, myVote: myVote, notice: notice(req))
        model.history = try await TakeModel.history(tool: id, on: req.db)
        model.retiredAt = row.retiredAt
        return ToolShow.View(model: model).document().response()
    }

    func category(req: Request) async throws -> Response {
        let slug = try req.parameters.require("slug")
        let all = try await ToolModel.standings(on: req.db)
        let inCategory = all.filter { $0.tool.categorySlug == slug }
        guard let first = inCategory.first else {
            throw Abort(.notFound, reason: "There is no category called '\(slug)'.")
        }
        let model = CategoryShow.Model(
            name: first.tool.category, slug: slug, ranked: rankedByPanel(inCategory),
            allCategories: Home.categories(all).map { ($0.name, $0.slug, $0.tools.count) })
        return CategoryShow.View(model: model).document().response()
    }

    /// The form POST behind the vote buttons; answers with a redirect back (post/redirect/get).
    func vote(req: Request) async throws -> Response {
        struct Form: Content {
            var vote: String
            var `return`: String?
        }
        let slug = try req.parameters.require("slug")
        guard let form = try? req.content.decode(Form.self), let verdict = Verdict(rawValue: form.vote) else {
            throw Abort(.badRequest, reason: "The vote form needs vote=ship or vote=skip.")
        }
        let outcome = try await Voting.cast(verdict, on: slug, req: req)
        let back = LocalPath.safe(form.return) ?? SiteURL.tool(slug).path
        let response = req.redirect(to: back + (back.contains("?") ? "&" : "?") + "voted=\(slug)", redirectType: .normal)
        outcome.setCookie(on: response, req: req)
        return response
    }

    func myVotes(_ req: Request, slugs: [String]) async throws -> [String: Verdict] {
        guard let voter = Voting.currentVoter(req) else { return [:] }
        let tools = try await ToolModel.find(slugs: slugs, on: req.db)
        let votes = try await VoteModel.votes(tools: tools.compactMap(\.id), voter: voter, on: req.db)
        var out: [String: Verdict] = [:]
        for t in tools { if let id = t.id, let v = votes[id] { out[t.slug] = v } }
        return out
    }

    func notice(_ req: Request) -> String? {
        guard let slug = req.query[String.self, at: "voted"], Slug.isValidToolSlug(slug) else { return nil }
        return "Your vote on \(slug) is counted. You can change it any time."
    }
}

/// Keeps redirects on this site: only absolute paths, never `//host` or a scheme.
enum LocalPath {
    static func safe(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), raw.count < 300,
            !raw.contains(where: { $0.isNewline })
        else { return nil }
        return raw.components(separatedBy: "?").first
    }
}
