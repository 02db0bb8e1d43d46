import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import VerdictServer

@Suite("Vote limits shared by every app server on one database")
struct SharedLimitsTests {
    private static let ship = #"{"vote":"ship"}"#

    @Test("Votes from one network alternating between two servers are refused after the limit in total")
    func votesAcrossServers() async throws {
        try await withTwoServers { a, b in
            // setup
            for app in [a, b] { app.settings.limits.votesPerNetworkPerMinute = 5 }
            _ = try await a.importYAML(Catalogs.two)
            let first = try await a.send(.PUT, "/api/v1/tools/alpha/vote", json: Self.ship)
            let cookie = try #require(first.voterCookie)
            // MUT
            var statuses = [first.status]
            for i in 1..<10 {
                let server = i.isMultiple(of: 2) ? a : b
                statuses.append(try await server.send(.PUT, "/api/v1/tools/alpha/vote", json: Self.ship, cookie: cookie).status)
            }
            // validate
            #expect(statuses == Array(repeating: .ok, count: 5) + Array(repeating: .tooManyRequests, count: 5))
            for server in [a, b] {
                let refused = try await server.send(.PUT, "/api/v1/tools/alpha/vote", json: Self.ship, cookie: cookie)
                #expect(refused.status == .tooManyRequests)
                // The pinned clock stands at the start of a minute: the whole minute is left.
                #expect(refused.headers.first(name: "Retry-After") == "60")
                #expect((refused.json["error"] as? String)?.contains("Too many votes from your network") == true)
            }
        }
    }

    @Test("New voters minted alternately on two servers: exactly the hourly cap count")
    func mintsAcrossServers() async throws {
        try await withTwoServers { a, b in
            // setup
            for app in [a, b] { app.settings.limits.newVotersPerNetworkPerHour = 3 }
            _ = try await a.importYAML(Catalogs.two)
            // MUT: a client that drops its cookie every time
            for i in 0..<10 {
                let server = i.isMultiple(of: 2) ? a : b
                #expect(try await server.send(.PUT, "/api/v1/tools/beta/vote", json: Self.ship).status == .ok)
            }
            // validate
            let voters = try await VoterModel.query(on: a.db).all()
            #expect(voters.count == 10)
            #expect(voters.filter(\.counted).count == 3)
        }
    }

    @Test("Newsletter subscribes from one network alternating between two servers: the hourly limit holds in total")
    func subscribesAcrossServers() async throws {
        try await withTwoServers { a, b in
            for app in [a, b] {
                app.settings.subscribesPerNetworkPerHour = 4
                app.dependencies.mailTransport = RecordingTransport()
            }
            var statuses: [HTTPStatus] = []
            for i in 0..<8 {
                let server = i.isMultiple(of: 2) ? a : b
                statuses.append(try await server.send(.POST, "/api/v1/subscribers", json: #"{"email":"s\#(i)@example.com"}"#).status)
            }
            #expect(statuses == Array(repeating: .accepted, count: 4) + Array(repeating: .tooManyRequests, count: 4))
        }
    }

    @Test("40 concurrent first votes on one server all succeed, and only the cap counts")
    func concurrentFirstVotes() async throws {
        var limits = VoteLimits.generous
        limits.newVotersPerNetworkPerHour = 3
        try await withTestApp(limits: limits) { app in
            // setup
            _ = try await app.importYAML(Catalogs.two)
            // MUT
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: Self.ship).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // validate
            #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses.filter { $0 != .ok })")
            let voters = try await VoterModel.query(on: app.db).all()
            #expect(voters.count == 40)
            // Each mint gets its own count from the database (new voters are group-committed), so
            // exactly the cap counts, and the tool's numbers say so.
            #expect(voters.filter(\.counted).count == 3)
            let community = try #require(try await ToolModel.standing(slug: "alpha", on: app.db)).community
            #expect(community.ship == 3 && community.discounted == 37)
        }
    }

    @Test("A signed cookie missing from the record, sent to both servers at once, is recorded once")
    func unrecordedCookieAcrossServers() async throws {
        try await withTwoServers { a, b in
            // setup: a cookie this site signed whose voter is not on record (a restored backup)
            _ = try await a.importYAML(Catalogs.two)
            let issued = VoterCookie.issue(
                key: try #require(a.verdict.signingKey), random: a.dependencies.random, at: a.dependencies.clock.now())
            // MUT
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<10 {
                    let server = i.isMultiple(of: 2) ? a : b
                    group.addTask {
                        try await server.send(.PUT, "/api/v1/tools/alpha/vote", json: Self.ship, cookie: issued.value).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // validate
            #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses.filter { $0 != .ok })")
            #expect(try await VoterModel.query(on: a.db).count() == 1)
            #expect(try await VoteModel.query(on: a.db).count() == 1)
        }
    }

    @Test("Limits apply per clock minute and clock hour; a new window starts afresh")
    func windowsRollOver() async throws {
        var limits = VoteLimits.generous
        limits.votesPerNetworkPerMinute = 2
        limits.newVotersPerNetworkPerHour = 1
        try await withTestApp(limits: limits) { app in
            // setup
            _ = try await app.importYAML(Catalogs.two)
            func vote(at seconds: TimeInterval, cookie: String? = nil) async throws -> TestingHTTPResponse {
                app.dependencies.clock = .fixed(TestApp.pinned.addingTimeInterval(seconds))
                return try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: Self.ship, cookie: cookie)
            }
            // MUT, validate
            let first = try await vote(at: 45)
            let cookie = try #require(first.voterCookie)
            #expect(try await vote(at: 45, cookie: cookie).status == .ok)
            let refused = try await vote(at: 50, cookie: cookie)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers.first(name: "Retry-After") == "10")  // to the end of the minute
            #expect(try await vote(at: 59, cookie: cookie).status == .tooManyRequests)
            #expect(try await vote(at: 60, cookie: cookie).status == .ok)  // a new minute
            #expect(try await vote(at: 61).status == .ok)  // a second voter in the hour: not counted
            #expect(try await vote(at: 3600).status == .ok)  // a new hour: counted again
            let voters = try await VoterModel.query(on: app.db).sort(\.$createdAt).all()
            #expect(voters.map(\.counted) == [true, false, true])
        }
    }

    @Test("Counters count atomically per key and window, and pruning drops only old windows")
    func counters() async throws {
        try await withTestApp { app in
            // setup
            let now = TestApp.pinned
            let current = LimitCounter.Window(containing: now, length: 60)
            let old = LimitCounter.Window(containing: now.addingTimeInterval(-3 * 3600), length: 60)
            // MUT, validate
            #expect(try await LimitCounter.increment("k", in: current, on: app.db) == 1)
            #expect(try await LimitCounter.increment("k", in: current, on: app.db) == 2)
            #expect(try await LimitCounter.increment("other", in: current, on: app.db) == 1)
            #expect(try await LimitCounter.increment("k", in: old, on: app.db) == 1)
            try await LimitCounter.prune(before: current.start - 2 * 3600, on: app.db)
            #expect(try await LimitCounter.count("k", in: current, on: app.db) == 2)
            #expect(try await LimitCounter.count("other", in: current, on: app.db) == 1)
            #expect(try await LimitCounter.count("k", in: old, on: app.db) == 0)
        }
    }

    @Test("Several callers' hits in one statement count as if made one after another")
    func batchedCounters() async throws {
        try await withTestApp { app in
            // setup
            let minute = LimitCounter.Window(containing: TestApp.pinned, length: 60)
            let hour = LimitCounter.Window(containing: TestApp.pinned, length: 3600)
            _ = try await LimitCounter.increment("vote:a", in: minute, on: app.db)
            let hit = { (key: String, window: LimitCounter.Window) in LimitCounter.Hit(key: key, window: window) }
            // MUT
            let counts = try await LimitCounter.increment(
                batches: [
                    [hit("vote:a", minute), hit("mint:a", hour)], [hit("vote:a", minute)], [], [hit("vote:b", minute)],
                    [hit("vote:a", minute), hit("mint:a", hour)],
                ], on: app.db)
            // validate
            #expect(counts == [["vote:a": 2, "mint:a": 1], ["vote:a": 3], [:], ["vote:b": 1], ["vote:a": 4, "mint:a": 2]])
            #expect(try await LimitCounter.count("vote:a", in: minute, on: app.db) == 4)
            #expect(try await LimitCounter.count("mint:a", in: hour, on: app.db) == 2)
        }
    }

    @Test("60 votes at once from one network, group-committed: exactly the limit is accepted")
    func concurrentVotesHoldTheLimit() async throws {
        try await withTestApp { app in
            // setup
            app.settings.limits.votesPerNetworkPerMinute = 25
            _ = try await app.importYAML(Catalogs.two)
            let first = try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: Self.ship)
            let cookie = try #require(first.voterCookie)
            // MUT
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<60 {
                    group.addTask {
                        let tool = i.isMultiple(of: 2) ? "alpha" : "beta"
                        return try await app.send(.PUT, "/api/v1/tools/\(tool)/vote", json: Self.ship, cookie: cookie).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // validate
            #expect(statuses.filter { $0 == .ok }.count == 24)  // the first vote took one of the 25
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 36)
            // One counter row for the network; votes past the limit were counted until this server
            // learnt the network was over it, then refused without a write.
            let rows = try await app.db.sql().raw("SELECT count FROM limit_counters WHERE key LIKE 'vote:%'").all()
            let counted = try rows.map { try $0.decode(column: "count", as: Int.self) }
            #expect(counted.count == 1 && (26...61).contains(counted[0]), "\(counted)")
        }
    }

    @Test("Windows start on the clock minute and hour; Retry-After counts to the window's end")
    func windows() {
        let minute = LimitCounter.Window(containing: TestApp.pinned.addingTimeInterval(75.5), length: 60)
        #expect(minute.start == Int(TestApp.pinned.timeIntervalSince1970) + 60)
        #expect(minute.secondsLeft(at: TestApp.pinned.addingTimeInterval(75.5)) == 45)
        #expect(minute.secondsLeft(at: TestApp.pinned.addingTimeInterval(119.9)) == 1)
        let hour = LimitCounter.Window(containing: TestApp.pinned.addingTimeInterval(3599), length: 3600)
        #expect(hour.start == Int(TestApp.pinned.timeIntervalSince1970))
    }
}
