import Fluent
import Foundation
import Testing
import Vapor

@testable import VerdictServer

@Suite("Head-to-head: which would you ship with?")
struct HeadToHeadTests {
    @Test("One changeable pick per voter per pair, in either URL order")
    func pickAndChange() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let first = try await app.send(.PUT, "/api/v1/compare/beta/alpha/vote", json: #"{"pick":"alpha"}"#)
            #expect(first.status == .ok)
            #expect(first.text.contains(#""pair":["alpha","beta"]"#))
            #expect(first.text.contains(#""picks":{"alpha":1,"beta":0}"#))
            let cookie = try #require(first.voterCookie)
            let changed = try await app.send(.PUT, "/api/v1/compare/alpha/beta/vote", json: #"{"pick":"neither"}"#, cookie: cookie)
            #expect(changed.text.contains(#""neither":1"#) && changed.text.contains(#""total":1"#))
            #expect(try await PairVoteModel.query(on: app.db).count() == 1)
        }
    }

    @Test("The stored split equals the picks counted, through changed picks, discounted voters and two servers at once")
    func talliesMatchPicks() async throws {
        var limits = VoteLimits.generous
        limits.newVotersPerNetworkPerHour = 4
        try await withTwoServers(limits: limits) { a, b in
            _ = try await a.importYAML(Catalogs.two)
            // 10 voters, 4 within the hourly cap: 6 discounted; each changes their pick at once
            // through both servers, in either URL order.
            try await answerThroughTwoServers(
                a, b, count: 10, path: "/api/v1/compare/alpha/beta/vote", first: { #"{"pick":"\#($0 % 2 == 0 ? "alpha" : "beta")"}"# },
                again: { i, round in [("/api/v1/compare/beta/alpha/vote", #"{"pick":"\#(["alpha", "beta", "neither"][(i + round) % 3])"}"#)]
                })
            let ids = try await ToolModel.find(slugs: ["alpha", "beta"], on: a.db).sorted { $0.slug < $1.slug }.compactMap(\.id)
            let counted = try await PairVoteModel.countRows(a: ids[0], b: ids[1], on: a.db)
            #expect(try await PairVoteModel.tally(a: ids[0], b: ids[1], on: a.db) == counted)
            #expect(counted.total + counted.discounted == 10 && counted.discounted == 6)
            try await PairTallyRow.rebuild(on: a.db)
            #expect(try await PairVoteModel.tally(a: ids[0], b: ids[1], on: a.db) == counted)
        }
    }

    @Test("Bad picks and unknown tools get clear errors")
    func errors() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let bad = try await app.send(.PUT, "/api/v1/compare/alpha/beta/vote", json: #"{"pick":"gamma"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.json["error"] as? String == #"'pick' must be "alpha", "beta" or "neither"; got "gamma""#)
            let unknown = try await app.send(.PUT, "/api/v1/compare/alpha/nope/vote", json: #"{"pick":"alpha"}"#)
            #expect(unknown.status == .notFound)
            let empty = try await app.send(.PUT, "/api/v1/compare/alpha/beta/vote", json: "{}")
            #expect(empty.status == .badRequest)
        }
    }

    @Test("The comparison page shows the split and takes the form")
    func page() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let posted = try await app.send(.POST, "/compare/beta-vs-alpha/vote", form: "pick=beta")
            #expect(posted.status == .seeOther)
            #expect(posted.headers.first(name: .location) == "/compare/beta-vs-alpha?picked=1#pick")
            let page = try await app.send(.GET, "/compare/beta-vs-alpha", cookie: posted.voterCookie).text
            #expect(page.contains(#"action="/compare/beta-vs-alpha/vote""#))
            #expect(page.contains("Which would you ship with?"))
        }
    }

    @Test("The leaderboard ranks tools with enough head-to-heads and lists the rest apart")
    func leaderboard() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            _ = try await app.importYAML(
                """
                tools:
                  - {slug: gamma, name: Gamma, category: Developer Tools, description: Third., entry: free}
                  - {slug: delta, name: Delta, category: Other Things, description: Fourth., entry: free}
                """)
            // alpha beats beta 6–1 and gamma 5–0; delta is never compared.
            for (pair, pick, n) in [(("alpha", "beta"), "alpha", 6), (("alpha", "beta"), "beta", 1), (("alpha", "gamma"), "alpha", 5)] {
                for _ in 0..<n {
                    let res = try await app.send(.PUT, "/api/v1/compare/\(pair.0)/\(pair.1)/vote", json: #"{"pick":"\#(pick)"}"#)
                    #expect(res.status == .ok)
                }
            }
            let board = try await app.send(.GET, "/api/v1/leaderboard").json
            let ranked = try #require(board["ranked"] as? [[String: Any]])
            #expect(ranked.map { $0["slug"] as? String } == ["alpha", "beta", "gamma"])
            #expect(ranked.first?["wins"] as? Int == 11)
            let unranked = try #require(board["unranked"] as? [[String: Any]])
            // Never-compared tools are counted, not listed: at 10,000 tools a list would be the catalog.
            #expect(unranked.isEmpty)
            #expect(board["uncompared"] as? Int == 1)
            let scoped = try await app.send(.GET, "/api/v1/leaderboard?category=other-things").json
            #expect((scoped["ranked"] as? [Any])?.isEmpty == true)
            #expect(scoped["uncompared"] as? Int == 1)
            // A small scope names its tools without picks (the hostile-text check in .ci reads them there).
            let other = try await app.send(.GET, "/leaderboard/other-things").text
            #expect(other.contains(">Delta</a> has no head-to-head picks here yet"))
            // The chart comes in a wide layout and a narrow one for phones (names above their lines).
            let page = try await app.send(.GET, "/leaderboard").text
            #expect(page.contains(#"class="leaderboard-chart chart-wide""#))
            #expect(page.contains(#"class="leaderboard-chart chart-narrow""#))
            #expect(page.contains(#"viewBox="0 0 360.00 "#))
            #expect(page.components(separatedBy: ">1. Alpha</text>").count == 3)
            #expect(try await app.send(.GET, "/leaderboard/developer-tools").status == .ok)
            #expect(try await app.send(.GET, "/leaderboard/nope").status == .notFound)
            #expect(try await app.send(.GET, "/methodology").status == .ok)
        }
    }
}
