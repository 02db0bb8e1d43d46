import CompressNIO
import Crypto
import Fluent
import Vapor

/// A public page or JSON answer that may be served from the page cache.
///
/// `variant` names what differs for this reader (their vote, their pick, a notice after
/// voting); the shared copy has an empty variant. `keyQuery` lists the query values the render
/// reads, so other parameters (`?utm_source=…`) neither change the page nor fill the cache.
struct CachedAnswer: AsyncResponseEncodable, Sendable {
    var variant: String = ""
    var keyQuery: [String: String] = [:]
    /// Renders the answer from the database; called only on a miss, so a hit opens no
    /// database handle.
    let render: @Sendable (any Database) async throws -> Rendered

    /// One render's output: the bytes, their type, and what they show.
    struct Rendered: Sendable {
        var body: ByteBuffer
        var contentType: HTTPMediaType
        var tags: Set<CacheTag>

        static func html(_ text: String, tags: Set<CacheTag>) -> Rendered {
            Rendered(body: ByteBuffer(string: text), contentType: .html, tags: tags)
        }

        static func json<T: Encodable>(_ value: T, tags: Set<CacheTag>) throws -> Rendered {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys]
            return Rendered(body: ByteBuffer(data: try encoder.encode(value)), contentType: .json, tags: tags)
        }
    }

    /// The cache key: path, the query values the page reads, and the reader's variant.
    func key(path: String) -> String {
        if keyQuery.isEmpty { return path + "?#" + variant }
        let query = keyQuery.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        return "\(path)?\(query)#\(variant)"
    }

    /// Serves from the cache, or renders, stores and serves; answers 304 to a matching
    /// If-None-Match and gzip to readers who accept it.
    func respond(to req: Request) async throws -> Response {
        let cache = req.application.pageCache
        let key = key(path: Self.path(req))
        let render = self.render
        // A stored page may go to any reader, so it is gzipped once; with the cache off, only
        // for a reader who accepts gzip.
        let gzip = cache.maxBytes > 0 || Self.acceptsGzip(req.headers[.acceptEncoding])
        let (page, hit) = try await cache.value(key) { [req] in try Self.prepare(try await render(req.db), gzip: gzip) }
        SiteMetrics.pageCache(hit ? .hit : .miss)
        return Self.response(page, anonymous: variant.isEmpty, req: req)
    }

    func encodeResponse(for request: Request) async throws -> Response {
        try await respond(to: request)
    }

    /// The page's path for the key, from the matched route and its parameters: `URI.path` and
    /// `URI.string` re-serialise the URL on every call (a few percent of a cached page), and two
    /// spellings of one address (`%61` for `a`) name one page.
    static func path(_ req: Request) -> String {
        guard let route = req.route else { return req.url.path }
        let parameters = req.parameters
        var out = ""
        for component in route.path {
            out += "/"
            switch component {
            case .constant(let text): out += text
            case .parameter(let name): out += parameters.get(name) ?? ""
            case .anything, .catchall: return req.url.path
            }
        }
        return out.isEmpty ? "/" : out
    }

    static let gzipThreshold = 1024
    /// zlib level 3: a third of the default level's (6) CPU for about 9% more bytes on a 33 KB
    /// comparison page; every re-render after a vote pays it once.
    static let gzipLevel: Int32 = 3

    static func prepare(_ rendered: Rendered, gzip: Bool = true) throws -> CachedPage {
        var body = rendered.body
        let digest = SiteCrypto.hex(SHA256.hash(data: body.readableBytesView).prefix(12))
        var gzipped: ByteBuffer?
        if gzip, body.readableBytes > gzipThreshold {
            var source = body
            gzipped = try source.compress(with: .gzip(configuration: .init(compressionLevel: gzipLevel)))
        }
        body = rendered.body
        return CachedPage(
            contentType: rendered.contentType.serialize(), body: body, gzipped: gzipped, etag: "\"\(digest)\"",
            tags: CacheTag.shown(rendered.tags))
    }

    static func response(_ page: CachedPage, anonymous: Bool, req: Request) -> Response {
        let sharedAge = req.settings.sharedCacheSeconds
        var headers = HTTPHeaders([
            ("Content-Type", page.contentType), ("ETag", page.etag),
            ("Vary", anonymous ? "Accept-Encoding, Cookie" : "Accept-Encoding"),
            (
                "Cache-Control",
                anonymous && sharedAge > 0 ? "public, max-age=0, s-maxage=\(sharedAge)" : (anonymous ? "no-cache" : "private, no-cache")
            ),
        ])
        if matches(req.headers[.ifNoneMatch], etag: page.etag) {
            SiteMetrics.pageCache(.notModified)
            return Response(status: .notModified, headers: headers)
        }
        if let gzipped = page.gzipped, acceptsGzip(req.headers[.acceptEncoding]) {
            headers.add(name: .contentEncoding, value: "gzip")
            return Response(status: .ok, headers: headers, body: .init(buffer: gzipped))
        }
        return Response(status: .ok, headers: headers, body: .init(buffer: page.body))
    }

    /// If-None-Match: `*`, or a list of tags, weak or strong (RFC 9110 §13.1.2 compares weakly).
    static func matches(_ values: [String], etag: String) -> Bool {
        for value in values {
            for part in value.split(separator: ",") {
                let tag = part.trimmingCharacters(in: .whitespaces)
                if tag == "*" || tag == etag || (tag.hasPrefix("W/") && String(tag.dropFirst(2)) == etag) { return true }
            }
        }
        return false
    }

    /// Accept-Encoding names gzip without `q=0`.
    static func acceptsGzip(_ values: [String]) -> Bool {
        for value in values {
            for part in value.split(separator: ",") {
                let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard fields.first == "gzip" || fields.first == "*" else { continue }
                let q = fields.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
                let refused = q <= 0
                if !refused { return true }
            }
        }
        return false
    }
}

extension Application {
    /// Rendered public pages of this server; see `PageCache`.
    var pageCache: PageCache {
        get { configured() }
        set { configure(newValue) }
    }
}
