import Fluent
import Vapor
import VerdictCore

/// `/sitemap.xml`: an index of parts, each at most 50,000 URLs — the site's pages (home, index
/// pages, categories, their leaderboards and the comparisons of each category's leaders) and the
/// listed tools in slug order, 50,000 a part. Cached like pages.
struct SitemapController {
    static let xml = HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"])

    func sitemap(req: Request) async throws -> CachedAnswer {
        let part = req.queryValue("part")
        let page = try Paging.page(req)
        let origin = req.application.mail.publicURL
        var answer = CachedAnswer { db in
            let summaries = try await CategoryListing.summaries(on: db)
            let listed = summaries.reduce(0) { $0 + $1.count }
            let toolParts = max(1, (listed + Sitemap.maxURLs - 1) / Sitemap.maxURLs)
            let body: String
            switch part {
            case nil:
                body = Sitemap.index(
                    ["\(origin)/sitemap.xml?part=pages"] + (1...toolParts).map { "\(origin)/sitemap.xml?part=tools&page=\($0)" })
            case "pages"?:
                var urls =
                    [SiteURL.home, .tools(after: nil), .categories, .comparisons(page: 1), .leaderboard(category: nil), .methodology]
                    .map { Sitemap.Entry(url: origin + $0.path) }
                    + Persona.allCases.map { Sitemap.Entry(url: origin + SiteURL.persona($0).path) }
                let leaders = try await ToolModel.leaders(of: summaries.map(\.slug), perCategory: 3, on: db)
                for summary in summaries {
                    urls.append(.init(url: origin + SiteURL.category(summary.slug).path))
                    urls.append(.init(url: origin + SiteURL.leaderboard(category: summary.slug).path))
                    for (x, y) in Comparison.pairs(leaders[summary.slug] ?? []) {
                        let (a, b) = Comparison.canonicalPair(x.tool.slug, y.tool.slug)
                        urls.append(.init(url: origin + SiteURL.compare(a, b).path))
                    }
                }
                body = Sitemap.urlSet(urls)
            case "tools"?:
                guard page <= toolParts else { throw Abort(.notFound, reason: "The sitemap has \(toolParts) part(s) of tools.") }
                let rows = try await ToolModel.listedSlugs(offset: (page - 1) * Sitemap.maxURLs, limit: Sitemap.maxURLs, on: db)
                body = Sitemap.urlSet(rows.map { .init(url: origin + SiteURL.tool($0.slug).path, lastModified: $0.updated) })
            case let other?:
                throw Abort(.badRequest, reason: "'part' must be pages or tools; got '\(other.prefix(20))'.")
            }
            var tags: Set<CacheTag> = [.catalog]
            if part == "pages" { tags.formUnion(summaries.map { .category($0.slug) }) }
            return .init(body: ByteBuffer(string: body), contentType: Self.xml, tags: tags)
        }
        if let part { answer.keyQuery["part"] = String(part.prefix(20)) }
        if page > 1 { answer.keyQuery["page"] = String(page) }
        return answer
    }
}
