import Fluent
import Vapor
import VerdictCore

/// `/tools`, `/categories` and `/compare`: the index pages a reader lands on by editing the URL.
/// Each reads one page of a stored list (slugs in index order, the stored categories, each
/// category's leaders), never the whole catalog.
struct IndexController {
    static let toolsPerPage = 100
    static let categoriesPerComparePage = 50

    func tools(req: Request) async throws -> CachedAnswer {
        let after = try req.queryValue("after").map { raw -> String in
            guard Slug.isValidToolSlug(raw) else {
                throw Abort(.badRequest, reason: "'after' must be a tool slug (lowercase letters, digits and hyphens).")
            }
            return raw
        }
        var answer = CachedAnswer { db in
            let models = try await ToolModel.listedBySlug(after: after, limit: Self.toolsPerPage + 1, on: db)
            let page = Array(models.prefix(Self.toolsPerPage))
            let standings = try await ToolModel.standings(of: page, on: db).compactMap { $0 }
            let next = models.count > Self.toolsPerPage ? page.last?.slug : nil
            var tags: Set<CacheTag> = [.catalog]
            tags.formUnion(standings.map { .tool($0.tool.slug) })
            return .html(IndexPages.tools(standings, after: after, next: next).render(), tags: tags)
        }
        if let after { answer.keyQuery["after"] = after }
        return answer
    }

    /// `/badge/{slug}.svg`: cached like a page (strong ETag, 304, invalidated with the tool).
    func badge(req: Request) async throws -> CachedAnswer {
        let file = try req.parameters.require("badge")
        guard file.hasSuffix(".svg"), case let slug = String(file.dropLast(4)), Slug.isValidToolSlug(slug) else {
            throw Abort(.notFound, reason: "A badge is /badge/{tool slug}.svg.")
        }
        return CachedAnswer { db in
            guard let row = try await ToolModel.find(slug: slug, on: db), row.retiredAt == nil,
                let standing = try await ToolModel.standing(of: row, on: db)
            else {
                throw Abort(.notFound, reason: "There is no listed tool called '\(slug)'.")
            }
            let svg = Badge.svg(panel: standing.panel.shipPercent, community: standing.community.shipPercent)
            return .init(body: ByteBuffer(string: svg), contentType: HTTPMediaType(type: "image", subType: "svg+xml"), tags: [.tool(slug)])
        }
    }

    func categories(req: Request) async throws -> CachedAnswer {
        CachedAnswer { db in
            .html(IndexPages.categories(try await ToolModel.categorySummaries(on: db)).render(), tags: [.catalog])
        }
    }

    func comparisons(req: Request) async throws -> CachedAnswer {
        // The tool page's "compare with" picker: a GET form, so it works without JavaScript.
        if let a = req.queryValue("a") {
            let b = req.queryValue("b") ?? ""
            guard Slug.isValidToolSlug(a), Slug.isValidToolSlug(b), a != b else {
                throw Abort(.badRequest, reason: "Compare needs two different tool slugs as 'a' and 'b'.")
            }
            throw Abort.redirect(to: SiteURL.compare(a, b).path)
        }
        let page = try Paging.page(req)
        var answer = CachedAnswer { db in
            let summaries = try await ToolModel.categorySummaries(on: db).filter { $0.count >= 2 }
            let paging = Paging(page: page, size: Self.categoriesPerComparePage, total: summaries.count)
            guard paging.exists else {
                throw Abort(.notFound, reason: "There are \(paging.pageCount) page(s) of comparisons; there is no page \(page).")
            }
            let shown = Array(summaries.dropFirst(paging.offset).prefix(paging.size))
            let leaders = try await ToolModel.leaders(of: shown.map(\.slug), perCategory: 3, on: db)
            var tags: Set<CacheTag> = [.catalog]
            var groups: [(ToolModel.CategorySummary, [ComparisonTeaser])] = []
            for summary in shown {
                let top = leaders[summary.slug] ?? []
                tags.insert(.category(summary.slug))
                tags.formUnion(top.map { .tool($0.tool.slug) })
                groups.append((summary, Comparison.pairs(top).map { Home.teaser($0.0, $0.1) }))
            }
            return .html(IndexPages.comparisons(groups, paging: paging).render(), tags: tags)
        }
        if page > 1 { answer.keyQuery["page"] = String(page) }
        return answer
    }
}
