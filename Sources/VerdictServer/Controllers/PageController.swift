import Fluent
import Plot
import Vapor
import VerdictCore

/// The HTML pages: each names what differs for this reader, then loads its model and renders
/// its view only when the page cache has no copy. No page reads the whole catalog.
struct PageController {
    /// Tools per page of a category ranking: a reading length, and a page of 20 weighs about
    /// 18 KB (50 weighed 46 KB and cost a cached read a tenth more than the demo's shorter lists).
    static let categoryPageSize = 20
    /// Tools shown under each category on the home page.
    static let homeToolsPerCategory = 5
    /// Categories per page of the home page (a grid of three by two).
    static let homeCategoriesPerPage = 6
    /// Rivals are drawn from at most this many tools of the same category.
    static let rivalCandidates = 1000
    /// The closest tools offered by the tool page's "compare with" picker.
    static let compareChoices = 50
    /// The dated changes a tool page lists.
    static let toolChanges = 20

    func home(req: Request) async throws -> CachedAnswer {
        let page = try Paging.page(req)
        var answer = CachedAnswer { [dataCache = req.application.dataCache] db in
            // One page of categories, the largest first: the page is the same size at any
            // catalog size, and the rest are a link away (and listed A–Z at /categories).
            let all = HomePageData.ordered(try await ToolModel.categorySummaries(on: db))
            let paging = Paging(page: page, size: Self.homeCategoriesPerPage, total: all.count)
            guard paging.exists else {
                throw Abort(.notFound, reason: "The home page has \(paging.pageCount) page(s) of categories; there is no page \(page).")
            }
            let shown = Array(all.dropFirst(paging.offset).prefix(paging.size))
            // Each category's part and the recent comparisons come from the data cache: a vote
            // drops this page, and its render then loads only the voted category's part.
            let sections = try await HomePageData.sections(shown, cache: dataCache, on: db)
            var tags: Set<CacheTag> = [.catalog]
            for section in sections { tags.formUnion(section.tags) }
            var recent: [ComparisonTeaser] = []
            if page == 1 {
                let kept = try await HomePageData.recent(cache: dataCache, on: db)
                (recent, tags) = (kept.teasers, tags.union(kept.tags))
            }
            var model = Home.build(sections, recent: recent, toolCount: all.reduce(0) { $0 + $1.count }, paging: paging)
            if page == 1 { model.intake = try await CatalogEvents.latestDay(limit: 200, on: db) }
            return .html(Home.View(model: model).document().render(), tags: tags)
        }
        if page > 1 { answer.keyQuery["page"] = String(page) }
        return answer
    }

    func tool(req: Request) async throws -> CachedAnswer {
        let slug = try req.parameters.require("slug")
        let reader = try await Reader.load(req, slugs: [slug])
        let (usage, preset, asked) = try CostReading.pageUsage(req)
        // Prices age by the day without a write: the day is part of the page's and its data's keys.
        let (now, priceMaxAge) = (req.dependencies.clock.now(), req.settings.intake.priceMaxAgeDays)
        let publicURL = req.application.mail.publicURL
        let dataCache = req.application.dataCache
        var answer = CachedAnswer(variant: reader.variant) { [reader] db in
            // Facts, takes, rivals, history and the page's template come from the data cache (a
            // vote leaves them); the numbers a vote changes are kept apart there, and a vote drops
            // only those.
            let data = try await dataCache.value(ToolPageData.key(slug, at: now), as: ToolPageData.self) {
                let data = try await ToolPageData.load(slug, publicURL: publicURL, now: now, priceMaxAgeDays: priceMaxAge, on: db)
                return (data, data.tags, data.bytes)
            }
            if data.retired, try await IntakeQueue.isHeld(tool: data.id, on: db) {
                throw Abort(.notFound, reason: "There is no tool called '\(slug)' in the catalog.")
            }
            var model = data.model
            let numbers = try await data.numbers(on: db, cache: dataCache)
            model.standing.community = numbers.counts[data.id] ?? CommunityScore(ship: 0, skip: 0)
            for (i, id) in data.rivalIDs.enumerated() {
                model.rivals[i].community = numbers.counts[id] ?? CommunityScore(ship: 0, skip: 0)
            }
            model.scoreDays = numbers.days
            (model.myVote, model.notice, model.now) = (reader.votes[slug], reader.notice, now)
            (model.priceMaxAgeDays, model.publicURL) = (priceMaxAge, publicURL)
            if asked {
                model.cost = CostView(
                    pricing: [(model.standing.tool, model.intake.quotes)], usage: usage, preset: preset, asked: true,
                    action: SiteURL.tool(slug).path)
                model.buyerForWorkload = model.cost?.estimates.first.map { row in
                    Rubric.buyerTake(for: row.tool, workload: BuyerWorkload(description: UsageText.describe(usage), estimate: row.estimate))
                }
            }
            let view = ToolShow.View(model: model)
            var kept: [ToolShow.Hole: String] = [
                .jsonLD: data.jsonLD.text(model.standing.community), .voteForm: data.voteForms[model.myVote?.rawValue ?? ""] ?? "",
            ]
            if !asked { kept[.cost] = data.defaultCost }
            return .html(view.page(from: data.template, kept: kept), tags: data.tags)
        }
        answer.keyQuery = reader.keyQuery
        answer.keyQuery["day"] = UTCDate.day(now)
        if asked { answer.keyQuery.merge(CostReading.keyQuery(usage, preset: preset)) { a, _ in a } }
        return answer
    }

    func category(req: Request) async throws -> CachedAnswer {
        let slug = try req.parameters.require("slug")
        let page = try Paging.page(req)
        var answer = CachedAnswer { db in
            let summaries = try await ToolModel.categorySummaries(on: db)
            guard let summary = summaries.first(where: { $0.slug == slug }) else {
                throw Abort(.notFound, reason: "There is no category called '\(slug)'.")
            }
            let paging = Paging(page: page, size: Self.categoryPageSize, total: summary.count)
            guard paging.exists else {
                throw Abort(.notFound, reason: "'\(summary.name)' has \(paging.pageCount) page(s) of tools; there is no page \(page).")
            }
            let (ranked, places) = try await ToolModel.rankedPage(categorySlug: slug, offset: paging.offset, limit: paging.size, on: db)
            let model = CategoryShow.Model(
                name: summary.name, slug: slug, ranked: ranked, places: places,
                allCategories: summaries.map { ($0.name, $0.slug, $0.count) },
                paging: paging)
            var tags: Set<CacheTag> = [.catalog, .category(slug)]
            tags.formUnion(ranked.map { .tool($0.tool.slug) })
            return .html(CategoryShow.View(model: model).document().render(), tags: tags)
        }
        if page > 1 { answer.keyQuery["page"] = String(page) }
        return answer
    }

    /// The form POST behind the vote buttons; answers with a redirect back (post/redirect/get).
    func vote(req: Request) async throws -> Response {
        struct Form: Content {
            var vote: String
            var `return`: String?
        }
        let slug = try req.parameters.require("slug")
        guard let form = try? req.content.decode(Form.self), let verdict = Verdict(rawValue: form.vote) else {
            throw Abort(.badRequest, reason: "The vote form needs vote=ship or vote=skip.")
        }
        let outcome = try await Voting.cast(verdict, on: slug, req: req)
        let back = LocalPath.safe(form.return) ?? SiteURL.tool(slug).path
        let response = req.redirect(to: back + (back.contains("?") ? "&" : "?") + "voted=\(slug)", redirectType: .normal)
        outcome.setCookie(on: response, req: req)
        return response
    }
}

/// What a page shows only to this reader: their votes on the page's tools, their pick, and
/// the notice after a vote. Readers without a voter cookie cost no query; the rest one.
struct Reader: Sendable {
    var votes: [String: Verdict] = [:]
    var notice: String?
    /// The page's query values that shape this reader's copy.
    var keyQuery: [String: String] = [:]
    var extra: String = ""
    /// The ids of the page's tools, looked up for a reader with a voter cookie.
    var toolIDs: [String: UUID] = [:]
    var voter: String?

    /// The cache variant: empty for the shared copy.
    var variant: String {
        let parts = votes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" } + (extra.isEmpty ? [] : [extra])
        return parts.joined(separator: "&")
    }

    static func load(_ req: Request, slugs: [String]) async throws -> Reader {
        var reader = Reader()
        let voted = req.queryValue("voted").flatMap { slugs.contains($0) ? $0 : nil }
        let voter = Voting.currentVoter(req)
        let tools = voted != nil || voter != nil ? try await ToolModel.find(slugs: slugs, on: req.db) : []
        // The notice names the tool voted on (by its name), and only a tool this page shows.
        if let voted {
            let name = tools.first { $0.slug == voted }?.name ?? voted
            reader.notice = "Your vote on \(name) is counted. You can change it any time."
            reader.keyQuery["voted"] = voted
        }
        guard let voter else { return reader }
        reader.voter = voter
        for t in tools { reader.toolIDs[t.slug] = t.id }
        let votes = try await VoteModel.votes(tools: tools.compactMap(\.id), voter: voter, on: req.db)
        for t in tools { if let id = t.id, let v = votes[id] { reader.votes[t.slug] = v } }
        return reader
    }
}

/// Which slice of a long list a page shows: `?page=N`, 1-based.
struct Paging: Sendable, Equatable {
    var page: Int
    var size: Int
    var total: Int

    var offset: Int { (page - 1) * size }
    var pageCount: Int { max(1, (total + size - 1) / size) }
    /// Page 1 always exists (an empty list says so); later pages only within the list.
    var exists: Bool { page == 1 || offset < total }
    var hasNext: Bool { page < pageCount }

    /// The `page` query value: absent is 1; anything but a positive number is a 400.
    static func page(_ req: Request) throws -> Int {
        guard let raw = req.queryValue("page") else { return 1 }
        guard let n = Int(raw), n >= 1, n <= 1_000_000 else {
            throw Abort(.badRequest, reason: "'page' must be a whole number from 1; got '\(raw.prefix(20))'.")
        }
        return n
    }
}

/// The optional `category` filter of `/new` and the feeds: a category slug, or a 400.
enum CategoryFilter {
    static func read(_ req: Request) throws -> String? {
        let raw = req.queryValue("category") ?? ""
        guard raw.isEmpty || (raw.count <= 80 && Slug.make(raw) == raw) else {
            throw Abort(.badRequest, reason: "'category' must be a category's slug, like \"language-models\"")
        }
        return raw.isEmpty ? nil : raw
    }
}

/// Keeps redirects on this site: only absolute paths, never `//host` or a scheme.
enum LocalPath {
    static func safe(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), raw.count < 300,
            !raw.contains(where: { $0.isNewline })
        else { return nil }
        return raw.components(separatedBy: "?").first
    }
}
