import Fluent
import Plot
import Vapor
import VerdictCore

/// `/compare/{a}-vs-{b}`: the comparison page and its head-to-head form.
struct ComparePageController {
    func show(req: Request) async throws -> Response {
        let (a, b) = try pair(req)
        let comparison = try await Comparing.load(a, b, on: req.db)
        let pages = PageController()
        let model = Compare.Model(
            comparison: comparison, canonical: SiteURL.canonicalCompare(a, b),
            myVotes: try await pages.myVotes(req, slugs: [a, b]), notice: pages.notice(req),
            headToHead: try await headToHead(a, b, on: req.db), myPick: try await myPick(a, b, req: req))
        return Compare.View(model: model).document().response()
    }

    /// The form POST behind "which would you ship with?"; redirects back to the page.
    func pick(req: Request) async throws -> Response {
        struct Form: Content {
            var pick: String
        }
        let (a, b) = try pair(req)
        guard let form = try? req.content.decode(Form.self) else {
            throw Abort(.badRequest, reason: "The head-to-head form needs pick=<slug> or pick=neither.")
        }
        let outcome = try await Voting.castPick(form.pick, a: a, b: b, req: req)
        let response = req.redirect(to: SiteURL.compare(a, b).path + "?picked=1", redirectType: .normal)
        Voting.setCookie(outcome.newCookie, on: response, req: req)
        return response
    }

    private func pair(_ req: Request) throws -> (String, String) {
        let raw = try req.parameters.require("pair")
        guard let pair = Comparison.parsePair(raw) else {
            throw Abort(.notFound, reason: "A comparison address looks like /compare/tool-a-vs-tool-b; '\(raw)' is not one.")
        }
        return pair
    }

    private func ids(_ a: String, _ b: String, on db: any Database) async throws -> (UUID, UUID)? {
        let (first, second) = Comparison.canonicalPair(a, b)
        guard let ia = try await ToolModel.find(slug: first, on: db)?.id,
              let ib = try await ToolModel.find(slug: second, on: db)?.id else { return nil }
        return (ia, ib)
    }

    private func headToHead(_ a: String, _ b: String, on db: any Database) async throws -> HeadToHeadTally {
        let (first, second) = Comparison.canonicalPair(a, b)
        guard let (ia, ib) = try await ids(a, b, on: db) else {
            return HeadToHeadTally(a: (a, 0), b: (b, 0), neither: 0)
        }
        let t = try await PairVoteModel.tally(a: ia, b: ib, on: db)
        let bySlug = [first: t.forA, second: t.forB]
        return HeadToHeadTally(a: (a, bySlug[a] ?? 0), b: (b, bySlug[b] ?? 0), neither: t.neither)
    }

    private func myPick(_ a: String, _ b: String, req: Request) async throws -> String? {
        guard let voter = Voting.currentVoter(req), let (ia, ib) = try await ids(a, b, on: req.db),
              let pick = try await PairVoteModel.pick(a: ia, b: ib, voter: voter, on: req.db) else { return nil }
        let (first, second) = Comparison.canonicalPair(a, b)
        switch pick {
        case ia?: return first
        case ib?: return second
        default: return "neither"
        }
    }
}
