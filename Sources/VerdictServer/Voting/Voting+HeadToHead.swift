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
        let now = req.dependencies.clock.now()
        // One transaction: the pair's tools locked (PostgreSQL), the voter's stored pick read, the
        // pick stored and the pair's split changed by the difference; the split it leaves is the answer.
        let tally = try await req.application.votingState.writes.run { [db = req.db] in
            try await db.writeTransaction { tx in
                if let minted = voter.unrecorded { _ = try await VoterModel.record([minted], on: tx) }
                try await ToolModel.lockRows([ida, idb], on: tx)
                let before = try await PairVoteModel.query(on: tx).filter(\.$toolA == ida).filter(\.$toolB == idb)
                    .filter(\.$voter == voter.id).first()
                try await PairVoteModel.upsert(a: ida, b: idb, voter: voter.id, pick: pickID, counted: voter.counted, at: now, on: tx)
                // A changed pick keeps its first weight (the upsert changes only the pick).
                var delta = PairTally()
                if let before { delta.add(PairTallyRow.bucket(pick: before.pick, counted: before.counted, a: ida, b: idb), -1) }
                delta.add(PairTallyRow.bucket(pick: pickID, counted: before?.counted ?? voter.counted, a: ida, b: idb), 1)
                try await PairTallyRow.apply(delta, a: ida, b: idb, on: tx)
                return try await PairVoteModel.tally(a: ida, b: idb, on: tx)
            }
        }
        if let minted = voter.unrecorded { VoterGate.remember(minted, req: req) }
        SiteMetrics.vote(.pair)
        await req.changes.picks(first, second)
        return PickOutcome(tally: tally, newCookie: voter.newCookie)
    }
}
