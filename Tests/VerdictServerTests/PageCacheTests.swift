import Foundation
import NIOCore
import Testing

@testable import VerdictServer

@Suite("Page cache: tags, tickets and memory bound")
struct PageCacheTests {
    func page(_ text: String, tags: Set<CacheTag>) throws -> CachedPage {
        try CachedAnswer.prepare(.html(text, tags: tags))
    }

    @Test("A change drops exactly the pages tagged with what it changed")
    func exactInvalidation() throws {
        let cache = PageCache(maxBytes: 1 << 20)
        cache.store(try page("alpha", tags: [.tool("alpha"), .members("dev")]), key: "/tools/alpha", ticket: cache.ticket())
        cache.store(try page("beta", tags: [.tool("beta")]), key: "/tools/beta", ticket: cache.ticket())
        cache.store(try page("pair", tags: [.tool("alpha"), .tool("beta")]), key: "/compare/alpha-vs-beta", ticket: cache.ticket())
        #expect(cache.count == 3)
        #expect(cache.invalidate(.tags([.tool("alpha")])) == 2)
        #expect(cache.page("/tools/alpha") == nil && cache.page("/compare/alpha-vs-beta") == nil)
        #expect(cache.page("/tools/beta") != nil)
        #expect(cache.invalidate(.everything) == 1)
        #expect(cache.count == 0 && cache.storedBytes == 0)
    }

    @Test("A render that started before a change to what it shows is not stored")
    func staleRenderRefused() throws {
        let cache = PageCache(maxBytes: 1 << 20)
        let before = cache.ticket()
        cache.invalidate(.tags([.tool("alpha")]))
        #expect(!cache.store(try page("old alpha", tags: [.tool("alpha")]), key: "a", ticket: before))
        // A change to something else does not stop it.
        #expect(cache.store(try page("beta", tags: [.tool("beta")]), key: "b", ticket: before))
        let late = cache.ticket()
        cache.invalidate(.everything)
        #expect(!cache.store(try page("beta again", tags: [.tool("beta")]), key: "b", ticket: late))
    }

    @Test("Past its budget the cache drops the least recently used pages")
    func boundedMemory() throws {
        let body = String(repeating: "x", count: 900)
        let one = try page(body, tags: [])
        let cache = PageCache(maxBytes: one.bytes * 10 + 100)
        for i in 0..<10 { cache.store(try page(body + "\(i)", tags: [.tool("t\(i)")]), key: "k\(i)", ticket: cache.ticket()) }
        _ = cache.page("k0")  // recently used: kept
        cache.store(try page(body + "new", tags: []), key: "new", ticket: cache.ticket())
        #expect(cache.storedBytes <= cache.maxBytes)
        #expect(cache.page("k0") != nil && cache.page("new") != nil)
        #expect(cache.page("k1") == nil)
        #expect(cache.page("k9") != nil)
    }

    @Test("Change events round-trip; unreadable ones mean everything")
    func scopeText() {
        let scope = CacheScope.tags([.tool("a-b"), .category("dev"), .members("dev"), .catalog, .leaderboard, .newsletter])
        #expect(CacheScope(encoded: scope.encoded) == scope)
        #expect(CacheScope(encoded: "*") == .everything)
        #expect(CacheScope(encoded: "t:ok bogus") == .everything)
    }

    @Test("If-None-Match and Accept-Encoding are read as RFC 9110 says")
    func headers() {
        #expect(CachedAnswer.matches(["\"x\", W/\"abc\""], etag: "\"abc\""))
        #expect(CachedAnswer.matches(["*"], etag: "\"abc\""))
        #expect(!CachedAnswer.matches(["\"abd\""], etag: "\"abc\""))
        #expect(CachedAnswer.acceptsGzip(["br, gzip;q=0.5"]))
        #expect(!CachedAnswer.acceptsGzip(["gzip;q=0, br"]))
        #expect(!CachedAnswer.acceptsGzip(["identity"]))
    }
}
