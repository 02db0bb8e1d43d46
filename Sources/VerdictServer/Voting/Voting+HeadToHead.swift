import Fluent
import Vapor
import VerdictCore

extension Voting {
    struct PickOutcome {
        var tally: PairTally
        var newCookie: String?
    }

    /// Records the voter's answer to "which would you ship with?" for `a` vs `b` (either order).
    /// `pick` is one of the two slugs or "neither".
    static func castPick(_ pick: String, a: String, b: String, req: Request) async throws -> PickOutcome {
        let (first, second) = Comparison.canonicalPair(a, b)
        guard first != second else { throw Abort(.badRequest, reason: "Compare two different tools, not '\(a)' with itself") }
        let ida = try await toolID(first, req: req)
        let idb = try await toolID(second, req: req)
        let pickID: UUID?
        switch pick {
        case first: pickID = ida
        case second: pickID = idb
        case "neither": pickID = nil
        default:
            throw Abort(.badRequest, reason: "'pick' must be \"\(first)\", \"\(second)\" or \"neither\"; got \"\(pick.prefix(40))\"")
        }
        let voter = try await VoterGate.admit(req)
        try await PairVoteModel.upsert(
            a: ida, b: idb, voter: voter.id, pick: pickID, counted: voter.counted, at: req.dependencies.clock.now(), on: req.db)
        SiteMetrics.vote(.pair)
        await req.changes.picks(first, second)
        let tally = try await PairVoteModel.tally(a: ida, b: idb, on: req.db)
        return PickOutcome(tally: tally, newCookie: voter.newCookie)
    }
}
