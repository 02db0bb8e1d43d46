import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import VerdictServer

@Suite("Votes that survive abuse: caps, rate limits, forged cookies")
struct AbuseTests {
    @Test("1,000 concurrent identical PUTs from one voter leave one row")
    func thousandIdentical() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let cookie = try #require(try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"ship"}"#).voterCookie)
            try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<1000 {
                    group.addTask { try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"ship"}"#, cookie: cookie).status }
                }
                for try await status in group { #expect(status == .ok) }
            }
            #expect(try await VoteModel.query(on: app.db).count() == 1)
            let standing = try #require(try await ToolModel.standing(slug: "alpha", on: app.db))
            #expect(standing.community == .init(ship: 1, skip: 0))
        }
    }

    @Test("Voters minted beyond the network's hourly cap are stored but carry no weight")
    func newVoterCap() async throws {
        var limits = VoteLimits.generous
        limits.newVotersPerNetworkPerHour = 3
        try await withTestApp(limits: limits) { app in
            _ = try await app.importYAML(Catalogs.two)
            // A client that drops its cookie every time: 10 fresh voters from one network.
            for _ in 0..<10 {
                let res = try await app.send(.PUT, "/api/v1/tools/beta/vote", json: #"{"vote":"ship"}"#)
                #expect(res.status == .ok)
            }
            let res = try await app.send(.GET, "/api/v1/tools/beta")
            let community = try #require(res.json["community"] as? [String: Any])
            #expect(community["ship"] as? Int == 3)
            #expect(community["discounted"] as? Int == 7)
            #expect(community["ship_percent"] as? Int == 100)
            #expect(try await VoteModel.query(on: app.db).count() == 10)  // stored, not lost
            // Discounted votes do not move the numbers: a skip from a discounted voter changes nothing.
            let late = try await app.send(.PUT, "/api/v1/tools/beta/vote", json: #"{"vote":"skip"}"#)
            let after = try #require(late.json["community"] as? [String: Any])
            #expect(after["skip"] as? Int == 0 && after["discounted"] as? Int == 8)
        }
    }

    @Test("A network over its per-minute limit gets 429 with Retry-After")
    func rateLimit() async throws {
        var limits = VoteLimits.generous
        limits.votesPerNetworkPerMinute = 5
        try await withTestApp(limits: limits) { app in
            _ = try await app.importYAML(Catalogs.two)
            let cookie = try #require(try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"ship"}"#).voterCookie)
            var statuses: [HTTPStatus] = []
            for _ in 0..<6 {
                statuses.append(try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"skip"}"#, cookie: cookie).status)
            }
            #expect(statuses.prefix(4).allSatisfy { $0 == .ok })
            #expect(statuses.last == .tooManyRequests)
            let refused = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"skip"}"#, cookie: cookie)
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.headers.first(name: "Retry-After") ?? "") ?? 0 >= 1)
            #expect((refused.json["error"] as? String)?.contains("Too many votes") == true)
        }
    }

    @Test("A tampered cookie is refused with 403 and its vote is not stored")
    func tampered() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let cookie = try #require(try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"ship"}"#).voterCookie)
            var parts = cookie.split(separator: ".").map(String.init)
            parts[1] = UUID().uuidString.lowercased()  // someone else's id, the old signature
            let res = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"skip"}"#, cookie: parts.joined(separator: "."))
            #expect(res.status == .forbidden)
            #expect(try await VoteModel.query(on: app.db).count() == 1)
        }
    }

    @Test("No raw IP address is stored: voters keep only a network hash")
    func noRawAddress() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            _ = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"ship"}"#)
            let voter = try #require(try await VoterModel.query(on: app.db).first())
            #expect(voter.network.count == 32 && voter.network.allSatisfy(\.isHexDigit))
        }
    }
}

@Suite("Cross-site form posts are refused")
struct CrossSiteTests {
    @Test(
        "A vote posted from another site is refused; same-origin and API clients pass",
        arguments: [
            (["Sec-Fetch-Site": "cross-site"], HTTPStatus.forbidden),
            (["Origin": "https://evil.example"], .forbidden),
            (["Origin": "null"], .forbidden),
            (["Sec-Fetch-Site": "same-origin", "Origin": "http://localhost:8080", "Host": "localhost:8080"], .seeOther),
            ([:], .seeOther),
        ])
    func crossSite(headers: [String: String], expected: HTTPStatus) async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            var h = HTTPHeaders()
            h.contentType = .urlEncodedForm
            for (k, v) in headers { h.replaceOrAdd(name: k, value: v) }
            let res = try await app.testing().sendRequest(.POST, "/tools/alpha/vote", headers: h, body: ByteBuffer(string: "vote=ship"))
            #expect(res.status == expected, "\(headers)")
            let stored = try await VoteModel.query(on: app.db).count()
            #expect(stored == (expected == .forbidden ? 0 : 1))
        }
    }
}

@Suite("A static export's forms")
struct StaticOriginTests {
    @Test("VERDICT_STATIC_ORIGIN lets the export's vote, pick and subscribe forms in, and nothing else from there")
    func staticOrigin() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            app.settings.staticOrigin = "https://static.verdict.test"
            func post(_ path: String, _ body: String, origin: String, site: String = "cross-site") async throws -> HTTPStatus {
                var h = HTTPHeaders()
                h.contentType = .urlEncodedForm
                h.replaceOrAdd(name: "Origin", value: origin)
                h.replaceOrAdd(name: "Sec-Fetch-Site", value: site)
                return try await app.testing().sendRequest(.POST, path, headers: h, body: ByteBuffer(string: body)).status
            }
            #expect(try await post("/tools/alpha/vote", "vote=ship", origin: "https://static.verdict.test") == .seeOther)
            #expect(try await post("/tools/alpha/vote", "vote=ship", origin: "https://static.verdict.test", site: "same-site") == .seeOther)
            #expect(try await post("/tools/alpha/vote", "vote=ship", origin: "https://static.verdict.test:444") == .forbidden)
            #expect(try await post("/tools/alpha/vote", "vote=ship", origin: "https://evil.example") == .forbidden)
            #expect(try await post("/login", "username=a&password=b", origin: "https://static.verdict.test") == .forbidden)
            #expect(try await post("/newsletter/subscribe", "email=a%40example.com", origin: "https://static.verdict.test") != .forbidden)
        }
    }
}
