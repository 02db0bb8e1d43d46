import Foundation
import NIOCore
import Synchronization
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
        #expect(cache.value("/tools/alpha") == nil && cache.value("/compare/alpha-vs-beta") == nil)
        #expect(cache.value("/tools/beta") != nil)
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

    @Test("Readers who miss together share one render; a reader after a change starts a new one")
    func oneRenderPerChange() async throws {
        let cache = PageCache(maxBytes: 1 << 20)
        let renders = Counter()
        let gate = Gate()
        let render: @Sendable () async throws -> CachedPage = {
            let n = renders.next()
            if n == 1 { await gate.wait() }  // the first render is slow: the others arrive meanwhile
            return try CachedAnswer.prepare(.html("v\(n)", tags: [.tool("alpha")]))
        }
        // Nothing changes: however the eight readers interleave, they join the render or hit its result.
        let readers = (0..<8).map { _ in Task { try await cache.value("/tools/alpha", render: render).0 } }
        while renders.value < 1 { await Task.yield() }
        // A vote lands while that render is under way: a reader after it must not get the older render.
        cache.invalidate(.tags([.tool("alpha")]))
        let after = try await cache.value("/tools/alpha", render: render).0
        #expect(String(buffer: after.body) == "v2")
        await gate.open()
        for reader in readers {
            let page = try await reader.value
            #expect(["v1", "v2"].contains(String(buffer: page.body)))
        }
        #expect(renders.value == 2)
        // The render that raced the vote was not stored; the later one was.
        #expect(cache.value("/tools/alpha").map { String(buffer: $0.body) } == "v2")
    }

    @Test("Past its budget the cache drops the least recently used pages")
    func boundedMemory() throws {
        let body = String(repeating: "x", count: 900)
        let one = try page(body, tags: [])
        let cache = PageCache(maxBytes: one.bytes * 10 + 100)
        for i in 0..<10 { cache.store(try page(body + "\(i)", tags: [.tool("t\(i)")]), key: "k\(i)", ticket: cache.ticket()) }
        _ = cache.value("k0")  // recently used: kept
        cache.store(try page(body + "new", tags: []), key: "new", ticket: cache.ticket())
        #expect(cache.storedBytes <= cache.maxBytes)
        #expect(cache.value("k0") != nil && cache.value("new") != nil)
        #expect(cache.value("k1") == nil)
        #expect(cache.value("k9") != nil)
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

/// How many renders ran.
private final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func next() -> Int {
        count.withLock {
            $0 += 1
            return $0
        }
    }
}

/// Holds the first render until the test opens it.
private actor Gate {
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var isOpen = false
    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }
    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}
