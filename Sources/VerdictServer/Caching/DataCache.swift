import Vapor

/// The data pages are rendered from, kept between renders; see `TaggedCache`.
///
/// A page's render splits into what a vote cannot change (a tool's facts, takes, history,
/// rivals, offers: tagged `.tool`) and the numbers a vote or pick changes (read per render, or
/// kept under `.community`). A vote drops the page but not its data, so the next render reads
/// only the numbers.
typealias DataCache = TaggedCache<CachedData>

struct CachedData: TaggedValue {
    var value: any Sendable
    var tags: Set<CacheTag>
    var bytes: Int
}

extension TaggedCache where Value == CachedData {
    /// The value under `key`: from memory, or loaded once per change of what it shows. Keys
    /// name their type (`"tool-page:…"`), so a key always holds one type.
    func value<T: Sendable>(
        _ key: String, as type: T.Type = T.self, load: @escaping @Sendable () async throws -> (T, tags: Set<CacheTag>, bytes: Int)
    ) async throws -> T {
        let (data, hit) = try await value(key) {
            let (value, tags, bytes) = try await load()
            return CachedData(value: value, tags: tags, bytes: bytes)
        }
        SiteMetrics.dataCache(hit ? .hit : .miss)
        guard let value = data.value as? T else {
            preconditionFailure("The data cache key \(key) holds \(Swift.type(of: data.value)), not \(T.self)")
        }
        return value
    }
}

extension Application {
    /// The data of this server's pages; see `DataCache`.
    var dataCache: DataCache {
        get { configured() }
        set { configure(newValue) }
    }

    /// Drops the pages and the data that show something in `scope` (a write here, or another
    /// server's change event).
    func invalidateCaches(_ scope: CacheScope) {
        // Data first: a page render that starts in between still holds a page ticket from before
        // the page invalidation below, so a page rendered from the old data is never stored.
        SiteMetrics.dataCache(.invalidation, count: dataCache.invalidate(scope))
        SiteMetrics.pageCache(.invalidation, count: pageCache.invalidate(scope))
    }
}
