import Fluent
import Foundation
import Testing
import Vapor

@testable import VerdictServer

@Suite("Community vote: one voter, one changeable vote per tool")
struct VoteTests {
    @Test("First vote issues a signed cookie; voting again with it replaces the vote")
    func upsert() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let first = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"ship"}"#)
            #expect(first.status == .ok)
            let cookie = try #require(first.voterCookie)
            #expect(first.headers.setCookie?["verdict_voter"]?.isHTTPOnly == true)
            // The new voter is stored with the vote (one transaction), under a time-ordered id.
            let key = try #require(app.verdict.signingKey)
            let voter = try #require(VoterCookie.verify(cookie, key: key))
            #expect(voter.dropFirst(14).first == "7")
            #expect(try await VoterModel.isCounted(voter, on: app.db) == true)
            let community = first.json["community"] as? [String: Any]
            #expect(community?["ship"] as? Int == 1 && community?["ship_percent"] as? Int == 100)

            let again = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"ship"}"#, cookie: cookie)
            #expect(again.voterCookie == nil)
            let changed = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"skip"}"#, cookie: cookie)
            let after = changed.json["community"] as? [String: Any]
            #expect(after?["ship"] as? Int == 0 && after?["skip"] as? Int == 1 && after?["ship_percent"] as? Int == 0)
            #expect(try await VoteModel.query(on: app.db).count() == 1)
        }
    }

    @Test("Bad bodies get 400 with a message; unknown tools 404; forged cookies 403")
    func errors() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let maybe = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"maybe"}"#)
            #expect(maybe.status == .badRequest)
            #expect((maybe.json["error"] as? String)?.contains("\"ship\" or \"skip\"") == true)
            let garbage = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: "not json")
            #expect(garbage.status == .badRequest)
            #expect(garbage.json["error"] != nil)
            let unknown = try await app.send(.PUT, "/api/v1/tools/nope/vote", json: #"{"vote":"ship"}"#)
            #expect(unknown.status == .notFound)
            #expect(unknown.json["error"] as? String == "No tool with slug 'nope'")
            let forged = "v1.\(UUID().uuidString.lowercased()).AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            let refused = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"ship"}"#, cookie: forged)
            #expect(refused.status == .forbidden)
            #expect(refused.voterCookie != nil)  // a genuine one for next time
            // The body limit applies to streamed bodies, so this one goes over a real socket.
            let huge = String(repeating: "x", count: 100_000)
            var headers = HTTPHeaders()
            headers.contentType = .json
            let tooBig = try await app.testing(method: .running(port: 0))
                .sendRequest(.PUT, "/api/v1/tools/alpha/vote", headers: headers, body: ByteBuffer(string: #"{"vote":"\#(huge)"}"#))
            #expect(tooBig.status == .payloadTooLarge)
            #expect(tooBig.json["error"] as? String == "The request body is too large; the limit is 64 KB.")
            #expect(try await VoteModel.query(on: app.db).count() == 0)
        }
    }

    @Test("Many voters at once: every vote counted, none lost")
    func concurrentVoters() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let voters = 60
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<voters {
                    group.addTask {
                        let vote = i % 3 == 0 ? "skip" : "ship"
                        let res = try await app.send(.PUT, "/api/v1/tools/beta/vote", json: #"{"vote":"\#(vote)"}"#)
                        #expect(res.status == .ok)
                    }
                }
                try await group.waitForAll()
            }
            let standing = try #require(try await ToolModel.standing(slug: "beta", on: app.db))
            #expect(standing.community.ship == 40 && standing.community.skip == 20)
            // Every first vote stored its voter, in the same batch as the vote.
            let votes = try await VoteModel.query(on: app.db).all(\.$voter)
            let stored = try await VoterModel.query(on: app.db).all(\.$id)
            #expect(Set(votes) == Set(stored.compactMap { $0 }) && votes.count == voters)
        }
    }

    @Test("The stored tallies equal the votes counted, through changed votes, discounted voters and two servers at once")
    func talliesMatchVotes() async throws {
        var limits = VoteLimits.generous
        limits.newVotersPerNetworkPerHour = 5
        try await withTwoServers(limits: limits) { a, b in
            _ = try await a.importYAML(Catalogs.two)
            // 12 voters from one network, 5 of them within the hourly cap: 7 are discounted. Each
            // then changes their votes on both tools through both servers at once.
            try await answerThroughTwoServers(
                a, b, count: 12, path: "/api/v1/tools/alpha/vote", first: { #"{"vote":"\#($0 % 2 == 0 ? "ship" : "skip")"}"# },
                again: { i, round in
                    let vote = (i + round) % 3 == 0 ? "skip" : "ship"
                    return ["alpha", "beta"].map { ("/api/v1/tools/\($0)/vote", #"{"vote":"\#(vote)"}"#) }
                })
            let ids = try await ToolModel.query(on: a.db).all(\.$id)
            let counted = try await VoteModel.countRows(forTools: ids, on: a.db)
            #expect(try await VoteModel.counts(forTools: ids, on: a.db) == counted)
            #expect(counted.values.map { $0.ship + $0.skip + $0.discounted } == [12, 12])
            #expect(counted.values.allSatisfy { $0.discounted == 7 })
            // A rebuild from the votes gives the same numbers.
            try await VoteTally.rebuild(on: a.db)
            #expect(try await VoteModel.counts(forTools: ids, on: a.db) == counted)
        }
    }

    @Test("Tally changes of a batch: a changed vote moves between buckets and keeps its first weight")
    func tallyDeltas() {
        let (t, u) = (UUID(), UUID())
        let before: [VoteModel.Key: VoteModel.Stored] = [
            .init(tool: t, voter: "a"): .init(vote: .ship, counted: true),
            .init(tool: t, voter: "b"): .init(vote: .skip, counted: false),
            .init(tool: u, voter: "a"): .init(vote: .ship, counted: true),
        ]
        let deltas = VoteTally.deltas(
            [(t, "a", .skip, true), (t, "b", .ship, true), (t, "c", .ship, false), (u, "a", .ship, true)], before: before)
        // a: ship → skip; b stays discounted though this vote would count; c is new and discounted;
        // the unchanged vote on u changes nothing and is left out.
        #expect(deltas == [t: VoteTally.Delta(ship: -1, skip: 1, discounted: 1)])
    }

    @Test("One voter hammering the same vote concurrently leaves one row")
    func concurrentSameVoter() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let cookie = try #require(try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"skip"}"#).voterCookie)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        _ = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"ship"}"#, cookie: cookie)
                    }
                }
                try await group.waitForAll()
            }
            let rows = try await VoteModel.query(on: app.db).all()
            #expect(rows.count == 1 && rows.first?.vote == "ship")
        }
    }

    @Test("The HTML form votes and redirects back to a local page only")
    func formVote() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let res = try await app.send(.POST, "/tools/alpha/vote", form: "vote=ship&return=/compare/alpha-vs-beta")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/compare/alpha-vs-beta?voted=alpha")
            let offsite = try await app.send(.POST, "/tools/alpha/vote", form: "vote=skip&return=//evil.example/x")
            #expect(offsite.headers.first(name: .location) == "/tools/alpha?voted=alpha")
            let page = try await app.send(.GET, "/compare/alpha-vs-beta?voted=alpha", cookie: res.voterCookie)
            #expect(page.text.contains("Your vote on Alpha is counted"))
        }
    }
}
