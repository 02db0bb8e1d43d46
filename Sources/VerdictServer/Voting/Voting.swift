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
            Voting.setCookie(newCookie, on: response, req: req)
        }
    }

    static func cast(_ verdict: Verdict, on slug: String, req: Request) async throws -> Outcome {
        let id = try await toolID(slug, req: req)
        let voter = try await VoterGate.admit(req)
        let community = try await req.application.votingState.writer.submit(
            VoteWriter.Vote(tool: id, voter: voter.id, vote: verdict, counted: voter.counted, newVoter: voter.unrecorded))
        if let minted = voter.unrecorded { VoterGate.remember(minted, req: req) }
        SiteMetrics.vote(.tool)
        return Outcome(community: community, newCookie: voter.newCookie)
    }

    /// The id of the tool with this slug, from memory when seen before.
    static func toolID(_ slug: String, req: Request) async throws -> UUID {
        let cache = req.application.votingState.toolIDs
        if let id = cache.withLockedValue({ $0[slug] }) { return id }
        guard let tool = try await ToolModel.find(slug: slug, on: req.db), let id = tool.id else {
            throw Abort(.notFound, reason: "No tool with slug '\(slug)'")
        }
        cache.withLockedValue { $0[slug] = id }
        return id
    }

    static func setCookie(_ value: String?, on response: Response, req: Request) {
        guard let value else { return }
        response.cookies[VoterCookie.name] = VoterCookie.cookie(value, secure: req.settings.isHTTPS)
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
        try await loadWithIDs(a, b, on: db).comparison
    }

    /// The comparison and the two tools' ids by slug, for pages that also read votes.
    static func loadWithIDs(_ a: String, _ b: String, on db: any Database) async throws -> (comparison: Comparison, ids: [String: UUID]) {
        guard a != b else { throw Abort(.badRequest, reason: "Compare two different tools, not '\(a)' with itself") }
        let found = try await ToolModel.find(slugs: [a, b], on: db)
        let models = try [a, b].map { slug in
            guard let model = found.first(where: { $0.slug == slug }) else {
                throw Abort(.notFound, reason: "No tool with slug '\(slug)'")
            }
            return model
        }
        let standings = try await ToolModel.standings(of: models, on: db)
        guard let sa = standings[0], let sb = standings[1] else { throw Abort(.notFound, reason: "No tool with slug '\(a)'") }
        return (Comparison(sa, sb), [a: models[0].id!, b: models[1].id!])
    }
}
