import NIOConcurrencyHelpers
import NIOCore

/// What a `TaggedCache` keeps: a value that knows what it shows and roughly what it weighs.
protocol TaggedValue: Sendable {
    var tags: Set<CacheTag> { get }
    var bytes: Int { get }
}

/// Rendered public pages in memory; see `TaggedCache`.
typealias PageCache = TaggedCache<CachedPage>

/// One rendered answer, kept with its gzip form and strong ETag.
struct CachedPage: TaggedValue {
    var contentType: String
    var body: ByteBuffer
    /// The body gzipped once when it was stored; nil for small bodies.
    var gzipped: ByteBuffer?
    /// A strong validator: the hash of the body.
    var etag: String
    var tags: Set<CacheTag>

    var bytes: Int { body.readableBytes + (gzipped?.readableBytes ?? 0) + 256 }
}

/// Values in memory — rendered pages (`PageCache`) or the data pages are rendered from
/// (`DataCache`) — dropped exactly when what they show changes.
///
/// Each render takes a ticket before it reads the database. A page is stored only if none of
/// its tags was invalidated after that ticket, so a render that raced a write never lands.
/// Memory is bounded: past `maxBytes` the least recently used quarter is dropped.
final class TaggedCache<Value: TaggedValue>: Sendable {
    struct Ticket: Sendable {
        fileprivate let epoch: UInt64
    }

    private struct Entry {
        var value: Value
        var lastUsed: UInt64
    }

    /// A render in progress; readers who arrive before anything changes wait for it.
    private struct Flight {
        var id: UInt64
        var epoch: UInt64
        var task: Task<Value, any Error>
    }

    private enum Next {
        case hit(Value)
        case wait(Task<Value, any Error>)
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var flights: [String: Flight] = [:]
        var flightIDs: UInt64 = 0
        var keysByTag: [CacheTag: Set<String>] = [:]
        var epoch: UInt64 = 0
        var invalidatedAt: [CacheTag: UInt64] = [:]
        var everythingAt: UInt64 = 0
        var bytes = 0
        var uses: UInt64 = 0
    }

    let maxBytes: Int
    private let state = NIOLockedValueBox(State())

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Taken before a render reads anything; `store` refuses pages older than a later change.
    func ticket() -> Ticket {
        state.withLockedValue { Ticket(epoch: $0.epoch) }
    }

    func value(_ key: String) -> Value? {
        state.withLockedValue { Self.use(key, in: &$0) }
    }

    /// The page under `key`: from memory, from a render already under way that started after
    /// the last change (so it cannot be older than what this reader was told), or from a new
    /// render that is then stored. One render per key per change, however many readers wait.
    func value(_ key: String, render: @escaping @Sendable () async throws -> Value) async throws -> (Value, hit: Bool) {
        guard maxBytes > 0 else { return (try await render(), false) }  // the cache is off: every read renders
        let next: Next = state.withLockedValue { s in
            if let page = Self.use(key, in: &s) { return .hit(page) }
            if let flight = s.flights[key], flight.epoch == s.epoch { return .wait(flight.task) }
            s.flightIDs &+= 1
            let id = s.flightIDs
            let ticket = Ticket(epoch: s.epoch)
            let task = Task<Value, any Error> { [self] in
                defer { self.land(key, id: id) }
                let page = try await render()
                self.store(page, key: key, ticket: ticket)
                return page
            }
            s.flights[key] = Flight(id: id, epoch: s.epoch, task: task)
            return .wait(task)
        }
        switch next {
        case .hit(let page): return (page, true)
        case .wait(let task): return (try await task.value, false)
        }
    }

    private func land(_ key: String, id: UInt64) {
        state.withLockedValue { s in
            if s.flights[key]?.id == id { s.flights[key] = nil }
        }
    }

    /// Keeps `page` under `key` unless something it shows changed since `ticket`; says which.
    @discardableResult
    func store(_ page: Value, key: String, ticket: Ticket) -> Bool {
        guard page.bytes <= maxBytes else { return false }
        return state.withLockedValue { s in
            guard s.everythingAt <= ticket.epoch,
                !page.tags.contains(where: { (s.invalidatedAt[$0] ?? 0) > ticket.epoch })
            else { return false }
            Self.remove(key, from: &s)
            s.uses &+= 1
            s.entries[key] = Entry(value: page, lastUsed: s.uses)
            s.bytes += page.bytes
            for tag in page.tags { s.keysByTag[tag, default: []].insert(key) }
            if s.bytes > maxBytes { Self.evict(&s, target: maxBytes * 3 / 4) }
            return true
        }
    }

    /// Drops every page that shows something in `scope`; returns how many were dropped.
    @discardableResult
    func invalidate(_ scope: CacheScope) -> Int {
        state.withLockedValue { s in
            s.epoch += 1
            switch scope {
            case .everything:
                let count = s.entries.count
                s.entries = [:]
                s.keysByTag = [:]
                s.invalidatedAt = [:]
                s.bytes = 0
                s.everythingAt = s.epoch
                return count
            case .tags(let tags):
                var dropped = 0
                for tag in CacheTag.shown(tags) {
                    s.invalidatedAt[tag] = s.epoch
                    for key in s.keysByTag[tag] ?? [] where Self.remove(key, from: &s) { dropped += 1 }
                }
                return dropped
            }
        }
    }

    var count: Int { state.withLockedValue { $0.entries.count } }
    var storedBytes: Int { state.withLockedValue { $0.bytes } }

    /// The stored page under `key`, marked as just used.
    private static func use(_ key: String, in s: inout State) -> Value? {
        guard var entry = s.entries[key] else { return nil }
        s.uses &+= 1
        entry.lastUsed = s.uses
        s.entries[key] = entry
        return entry.value
    }

    @discardableResult
    private static func remove(_ key: String, from s: inout State) -> Bool {
        guard let old = s.entries.removeValue(forKey: key) else { return false }
        s.bytes -= old.value.bytes
        for tag in old.value.tags {
            s.keysByTag[tag]?.remove(key)
            if s.keysByTag[tag]?.isEmpty == true { s.keysByTag[tag] = nil }
        }
        return true
    }

    private static func evict(_ s: inout State, target: Int) {
        let oldestFirst = s.entries.sorted { $0.value.lastUsed < $1.value.lastUsed }.map(\.key)
        for key in oldestFirst {
            guard s.bytes > target else { break }
            remove(key, from: &s)
        }
    }
}
