import CompressNIO
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import VerdictServer

/// Pages served from the cache: never stale after a write's 2xx, per-reader parts kept out of
/// the shared bytes, HTTP validators and gzip, and lists that page instead of loading the catalog.
@Suite("Page caching: exact invalidation, per-reader variants, ETag/304, gzip, pagination")
struct PageCachingTests {
    func get(_ app: Application, _ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, path, headers: headers)
    }

    @Test("A vote's 2xx is followed by pages that show it: tool, comparison, category, home, API")
    func voteInvalidates() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let paths = ["/tools/beta", "/compare/alpha-vs-beta", "/categories/developer-tools", "/", "/api/v1/tools/beta"]
            for path in paths { #expect(try await get(app, path).status == .ok) }
            let cached = app.pageCache.count
            #expect(cached == paths.count)
            let again = try await get(app, "/tools/beta")
            #expect(again.text.contains("Community: —"))
            #expect(app.pageCache.count == cached)  // a hit, not a second copy

            let vote = try await app.send(.PUT, "/api/v1/tools/beta/vote", json: #"{"vote":"ship"}"#)
            #expect(vote.status == .ok)
            #expect(try await get(app, "/tools/beta").text.contains("Community: 100% · 1 vote"))
            #expect(try await get(app, "/compare/alpha-vs-beta").text.contains("100% · 1 vote"))
            let detail = try await get(app, "/api/v1/tools/beta").json
            #expect((detail["community"] as? [String: Any])?["ship"] as? Int == 1)
            #expect(try await get(app, "/categories/developer-tools").text.contains("100% · 1 vote"))
            // The stored ranking the category page reads follows the vote.
            let beta = try #require(try await ToolModel.find(slug: "beta", on: app.db))
            #expect(beta.communityRank == 100)
        }
    }

    @Test("A reader's vote is in their copy only; the shared copy carries no reader's state")
    func readerVariants() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let shared = try await get(app, "/tools/alpha")
            let vote = try await app.send(.POST, "/tools/alpha/vote", form: "vote=skip&return=/tools/alpha")
            let cookie = try #require(vote.voterCookie)
            let mine = try await app.send(.GET, "/tools/alpha?voted=alpha", cookie: cookie)
            #expect(mine.text.contains("Your vote: skip"))
            #expect(mine.text.contains("Your vote on Alpha is counted"))
            #expect(mine.headers.first(name: .cacheControl) == "private, no-cache")
            let anonymous = try await get(app, "/tools/alpha?voted=alpha")
            #expect(!anonymous.text.contains("Your vote: skip"))
            #expect(anonymous.text.contains("You have not voted yet"))
            #expect(shared.headers.first(name: .cacheControl) == "no-cache")
            // A notice only ever names a tool on the page: no cache entry per made-up slug.
            let forged = try await get(app, "/tools/alpha?voted=zzz-not-here")
            #expect(!forged.text.contains("zzz-not-here"))
            // Parameters the page does not read share its entry.
            let before = app.pageCache.count
            _ = try await get(app, "/tools/alpha?utm_source=x&ref=\(UUID())")
            #expect(app.pageCache.count == before)
        }
    }

    @Test("Strong ETag with 304, gzip above 1 KB that inflates to the same bytes, CDN header when configured")
    func httpValidators() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let first = try await get(app, "/tools/alpha")
            let etag = try #require(first.headers.first(name: .eTag))
            #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
            var conditional = HTTPHeaders()
            conditional.add(name: .ifNoneMatch, value: etag)
            let notModified = try await get(app, "/tools/alpha", headers: conditional)
            #expect(notModified.status == .notModified)
            #expect(notModified.body.readableBytes == 0)

            var gzip = HTTPHeaders()
            gzip.add(name: .acceptEncoding, value: "gzip, deflate, br")
            let zipped = try await get(app, "/tools/alpha", headers: gzip)
            #expect(zipped.headers.first(name: .contentEncoding) == "gzip")
            #expect(zipped.headers.first(name: .vary)?.contains("Accept-Encoding") == true)
            var body = zipped.body
            #expect(body.readableBytes < first.body.readableBytes)
            let inflated = try body.decompress(with: .gzip())
            #expect(inflated == first.body)

            app.settings.sharedCacheSeconds = 60
            let cdn = try await get(app, "/tools/alpha")
            #expect(cdn.headers.first(name: .cacheControl) == "public, max-age=0, s-maxage=60")
        }
    }

    @Test("Retiring a tool drops it from its category, the home page and the API list at once")
    func editInvalidates() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            #expect(try await get(app, "/categories/developer-tools").text.contains(">Alpha<"))
            #expect(try await get(app, "/").text.contains(">Alpha<"))
            #expect(try await get(app, "/api/v1/tools").text.contains("\"alpha\""))
            _ = try await ToolDesk.setRetired(true, slug: "alpha", actor: "test", app: app)
            #expect(!(try await get(app, "/categories/developer-tools").text.contains(">Alpha<")))
            #expect(!(try await get(app, "/").text.contains(">Alpha<")))
            #expect(!(try await get(app, "/api/v1/tools").text.contains("\"alpha\"")))
            #expect(try await get(app, "/tools/alpha").text.contains("Retired"))
        }
    }

    static func catalog(_ count: Int, category: String = "Writing") -> String {
        "tools:\n"
            + (0..<count).map { i in
                "  - {slug: tool-\(String(format: "%03d", i)), name: Tool \(String(format: "%03d", i)), category: \(category), description: Tool number \(i) writes., entry: free}"
            }.joined(separator: "\n")
    }

    @Test("A category pages by 20 in ranking order; the API lists by slug with a next link; bad pages are 400/404")
    func pagination() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Self.catalog(110))
            let first = try await get(app, "/categories/writing").text
            #expect(first.contains("110 tools"))
            #expect(first.contains("Page 1 of 6") && first.contains("?page=2"))
            #expect(first.components(separatedBy: "class=\"ranking-item\"").count - 1 == PageController.categoryPageSize)
            // A category's own ranking does not repeat the category on every card.
            #expect(!first.contains("class=\"card-category\""))
            let last = try await get(app, "/categories/writing?page=6").text
            #expect(last.components(separatedBy: "class=\"ranking-item\"").count - 1 == 10)
            // The 110 tools have the same facts and no votes: a true tie, shown as one.
            #expect(last.contains("aria-label=\"Tied at rank 1\"") && last.contains(">=1</span>"))
            #expect(try await get(app, "/categories/writing?page=7").status == .notFound)
            #expect(try await get(app, "/categories/writing?page=zero").status == .badRequest)

            var seen: [String] = []
            var next: String? = "/api/v1/tools?limit=50"
            while let path = next {
                let page = try await get(app, path)
                #expect(page.status == .ok)
                seen += ((page.json["tools"] as? [[String: Any]]) ?? []).compactMap { $0["slug"] as? String }
                next = page.json["next"] as? String
            }
            #expect(seen.count == 110 && Set(seen).count == 110 && seen == seen.sorted())
            #expect(try await get(app, "/api/v1/tools?limit=0").status == .badRequest)
            #expect(try await get(app, "/api/v1/tools?limit=501").status == .badRequest)
            #expect(try await get(app, "/api/v1/tools?after=../x").status == .badRequest)

            let home = try await get(app, "/").text
            #expect(home.contains("Ranking of 110 tools"))
            #expect(home.components(separatedBy: "class=\"tool-row\"").count - 1 <= PageController.homeToolsPerCategory)
        }
    }

    @Test("Two servers on one database: a vote through one is on the other's pages once it follows the change feed")
    func twoServers() async throws {
        try await withTwoServers { a, b in
            _ = try await a.importYAML(Catalogs.two)
            try await b.changeFeed.catchUp(b)
            #expect(try await get(b, "/tools/beta").text.contains("Community: —"))
            let follower = Task { await b.changeFeed.follow(b) }
            defer { follower.cancel() }
            #expect(try await a.send(.PUT, "/api/v1/tools/beta/vote", json: #"{"vote":"ship"}"#).status == .ok)
            var shown = false
            for _ in 0..<100 where !shown {
                shown = try await get(b, "/tools/beta").text.contains("Community: 100% · 1 vote")
                if !shown { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(shown)
        }
    }
}

/// Two applications configured like two `verdict serve` processes on one database.
/// Two servers on one database, and voters who answer through both at once: `count` new
/// voters each answer once through `a` (`first(i)`, a JSON body, at `path`), then three more times
/// at once through alternating servers (`again(i, round)`), so commits hold repeats and changes.
func answerThroughTwoServers(
    _ a: Application, _ b: Application, count: Int, path: String, first: (Int) -> String,
    again: @escaping @Sendable (Int, Int) -> [(path: String, body: String)]
) async throws {
    var cookies: [String] = []
    for i in 0..<count {
        let res = try await a.send(.PUT, path, json: first(i))
        #expect(res.status == .ok)
        cookies.append(try #require(res.voterCookie))
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
        for (i, cookie) in cookies.enumerated() {
            for round in 0..<3 {
                group.addTask {
                    let server = (i + round) % 2 == 0 ? a : b
                    for (path, body) in again(i, round) {
                        let status = try await server.send(.PUT, path, json: body, cookie: cookie).status
                        #expect(status == .ok)
                    }
                }
            }
        }
        try await group.waitForAll()
    }
}

func withTwoServers(limits: VoteLimits = .generous, _ body: (Application, Application) async throws -> Void) async throws {
    _ = TestLogging.bootstrapped
    let db = TestDatabase()
    let a = try await Application.make(.testing)
    let b = try await Application.make(.testing)
    var failure: (any Error)?
    do {
        for app in [a, b] {
            var settings = Settings(database: db.choice, secret: TestApp.secret, seedDemo: false)
            settings.limits = limits
            settings.postgresPoolPerEventLoop = 2
            settings.databasePoolWaitSeconds = 120
            try await configure(app, settings: settings)
            app.dependencies.clock = TestApp.clock
        }
        try await db.create(on: a)
        try await a.prepareDatabase()
        try await b.prepareDatabase()
        try await body(a, b)
    } catch {
        failure = error
    }
    try? await db.drop(on: a)
    try await a.asyncShutdown()
    try await b.asyncShutdown()
    db.removeFiles()
    if let failure { throw failure }
}
