import Fluent
import Vapor
import VerdictCore

/// `/feed.atom` and `/feed.json` (optionally `?category=slug`): new tools and verdict changes,
/// newest first, from the catalog events (one index range). Cached like pages: every write that
/// adds an event also names the catalog or the tool's category, which these feeds carry as tags.
struct FeedController {
    static let entries = 50

    enum Format { case atom, json }

    func atom(req: Request) async throws -> CachedAnswer { try await feed(req, .atom) }
    func json(req: Request) async throws -> CachedAnswer { try await feed(req, .json) }

    private func feed(_ req: Request, _ format: Format) async throws -> CachedAnswer {
        let category = try CategoryFilter.read(req)
        let origin = req.application.mail.publicURL
        var answer = CachedAnswer { db in
            let summaries = try await CategoryListing.summaries(on: db)
            let name = try category.map { slug in
                guard let summary = summaries.first(where: { $0.slug == slug }) else {
                    throw Abort(.notFound, reason: "There is no category called '\(slug)'.")
                }
                return summary.name
            }
            let rows = try await CatalogEvents.latest(category: category, kinds: [.added, .verdict], limit: Self.entries, on: db)
            let path = format == .atom ? SiteURL.feedAtom(category: category).path : SiteURL.feedJSON(category: category).path
            let feed = Feed(
                title: name.map { "Verdict: \($0)" } ?? "Verdict: new tools and verdicts",
                feedURL: origin + path, homeURL: origin + (category.map { SiteURL.category($0).path } ?? SiteURL.home.path),
                entries: rows.compactMap { Self.entry($0, origin: origin) })
            let tags: Set<CacheTag> = [.catalog, category.map { .category($0) } ?? .standings]
            switch format {
            case .atom:
                return .init(
                    body: ByteBuffer(string: feed.atom()), contentType: HTTPMediaType(type: "application", subType: "atom+xml"), tags: tags)
            case .json:
                return .init(
                    body: ByteBuffer(data: feed.json()), contentType: HTTPMediaType(type: "application", subType: "feed+json"), tags: tags)
            }
        }
        if let category { answer.keyQuery["category"] = category }
        return answer
    }

    static func entry(_ row: CatalogEvents.Row, origin: String) -> FeedEntry? {
        guard let slug = row.slug, let name = row.name else { return nil }
        let added = row.kind == CatalogEvents.Kind.added.rawValue
        return FeedEntry(
            id: "tag:verdict,\(row.day):event:\(row.id.uuidString.lowercased())",
            title: added ? "New: \(name)" : "Verdict changed: \(name)",
            url: origin + SiteURL.tool(slug).path, updated: row.at,
            summary: added ? "\(name) joined the catalog with the panel's first takes." : "\(name): \(row.text)")
    }
}
