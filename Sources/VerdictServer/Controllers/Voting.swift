import Fluent
import Vapor
import VerdictCore

/// Casting a ship/skip vote, shared by the JSON API and the HTML form.
enum Voting {
    struct Outcome {
        var community: CommunityScore
        /// A cookie to set when this request was the voter's first.
        var newCookie: String?

        func setCookie(on response: Response, req: Request) {
            guard let newCookie else { return }
            response.cookies[VoterCookie.name] = VoterCookie.cookie(newCookie, secure: req.verdict.config.isHTTPS)
        }
    }

    static func cast(_ verdict: Verdict, on slug: String, req: Request) async throws -> Outcome {
        guard let key = req.verdict.signingKey else { throw Abort(.serviceUnavailable, reason: "Database not prepared") }
        let (voter, newCookie) = try voter(req, key: key)
        guard let tool = try await ToolModel.find(slug: slug, on: req.db), let id = tool.id else {
            throw Abort(.notFound, reason: "No tool with slug '\(slug)'")
        }
        try await VoteModel.upsert(tool: id, voter: voter, vote: verdict, on: req.db)
        let community = try await VoteModel.counts(forTools: [id], on: req.db)[id] ?? CommunityScore(ship: 0, skip: 0)
        return Outcome(community: community, newCookie: newCookie)
    }

    /// The signed voter id, or a freshly issued one when the request has no cookie.
    /// A cookie that is present but not signed by this site is refused.
    private static func voter(_ req: Request, key: SymmetricKey) throws -> (String, String?) {
        guard let raw = req.cookies[VoterCookie.name]?.string else {
            let issued = VoterCookie.issue(key: key)
            return (issued.voter, issued.value)
        }
        guard let voter = VoterCookie.verify(raw, key: key) else {
            // Refuse the vote, but hand out a genuine cookie so an honest reader whose cookie
            // went stale (a rotated secret) can vote on the next try.
            let fresh = VoterCookie.cookie(VoterCookie.issue(key: key).value, secure: req.verdict.config.isHTTPS)
            var headers = HTTPHeaders()
            headers.setCookie = HTTPCookies(dictionaryLiteral: (VoterCookie.name, fresh))
            throw Abort(.forbidden, headers: headers, reason: "The verdict_voter cookie was not issued by this site; vote again with the new one")
        }
        return (voter, nil)
    }

    /// The reader's voter id for showing their votes; never issues one.
    static func currentVoter(_ req: Request) -> String? {
        guard let key = req.verdict.signingKey else { return nil }
        return VoterCookie.verify(req.cookies[VoterCookie.name]?.string, key: key)
    }
}

/// Loading two tools into a comparison, shared by the page and the API.
enum Comparing {
    static func load(_ a: String, _ b: String, on db: any Database) async throws -> Comparison {
        guard a != b else { throw Abort(.badRequest, reason: "Compare two different tools, not '\(a)' with itself") }
        guard let sa = try await ToolModel.standing(slug: a, on: db) else {
            throw Abort(.notFound, reason: "No tool with slug '\(a)'")
        }
        guard let sb = try await ToolModel.standing(slug: b, on: db) else {
            throw Abort(.notFound, reason: "No tool with slug '\(b)'")
        }
        return Comparison(sa, sb)
    }
}
