import Fluent
import Vapor
import VerdictCore

/// The home page's parts in the `DataCache`. A vote in any category drops the home page (it
/// shows every category's leaders), so its render stitches kept parts: each category's
/// `Home.Section`, dropped by that category's or its leaders' changes, and the recent
/// comparisons, keyed by which tools are recent. A render after a vote loads one category.
enum HomePageData {
    /// The order of the home page's categories: the largest first, then by name.
    static func ordered(_ summaries: [ToolModel.CategorySummary]) -> [ToolModel.CategorySummary] {
        summaries.sorted { ($1.count, $0.name, $0.slug) < ($0.count, $1.name, $1.slug) }
    }

    /// A category's section key: its slug, name and size (the card prints both).
    static func sectionKey(_ summary: ToolModel.CategorySummary) -> String {
        "home-section:\(summary.slug)|\(summary.count)|\(summary.name)"
    }

    /// Every category's section, in `summaries`' order: kept ones from the cache, the missing
    /// ones loaded together (their leaders in one query) and kept.
    static func sections(_ summaries: [ToolModel.CategorySummary], cache: DataCache, on db: any Database) async throws
        -> [Home.Section]
    {
        var found: [String: Home.Section] = [:]
        var missing: [ToolModel.CategorySummary] = []
        for summary in summaries {
            if let section = cache.value(sectionKey(summary))?.value as? Home.Section {
                found[summary.slug] = section
            } else {
                missing.append(summary)
            }
        }
        SiteMetrics.dataCache(.hit, count: found.count)
        SiteMetrics.dataCache(.miss, count: missing.count)
        if !missing.isEmpty {
            // Taken before the read: a section that raced a vote is used by this render, not kept.
            let ticket = cache.ticket()
            let leaders = try await ToolModel.leaders(
                of: missing.map(\.slug), perCategory: PageController.homeToolsPerCategory, on: db)
            for summary in missing {
                let section = Home.Section(
                    Home.CategoryGroup(name: summary.name, slug: summary.slug, tools: leaders[summary.slug] ?? [], count: summary.count))
                cache.store(CachedData(value: section, tags: section.tags, bytes: section.bytes), key: sectionKey(summary), ticket: ticket)
                found[summary.slug] = section
            }
        }
        return summaries.compactMap { found[$0.slug] }
    }

    /// The most recently added or updated tools, each against the leader of its category: kept
    /// under the tools and categories they show, keyed by which tools are the recent ones.
    static func recent(cache: DataCache, on db: any Database) async throws -> (teasers: [ComparisonTeaser], tags: Set<CacheTag>) {
        let slugs = try await ToolModel.recentlyUpdatedSlugs(limit: 6, on: db)
        let kept = try await cache.value("home-recent:" + slugs.joined(separator: ","), as: Recent.self) {
            var recent = Recent(teasers: [], tags: [])
            for slug in slugs {
                guard let standing = try await ToolModel.standing(slug: slug, on: db) else { continue }
                let category = standing.tool.categorySlug
                recent.tags.formUnion([.tool(slug), .category(category)])
                let leaders = try await ToolModel.rankedStandings(categorySlug: category, offset: 0, limit: 2, on: db)
                guard let rival = leaders.first(where: { $0.tool.slug != slug }) else { continue }
                recent.teasers.append(Home.teaser(standing, rival))
                recent.tags.insert(.tool(rival.tool.slug))
                if recent.teasers.count == 4 { break }
            }
            // Their picks read the community numbers: `shown` adds the tools' `.community` tags.
            recent.tags = CacheTag.shown(recent.tags)
            return (recent, recent.tags, 4_096)
        }
        return (kept.teasers, kept.tags)
    }

    struct Recent: Sendable {
        var teasers: [ComparisonTeaser]
        var tags: Set<CacheTag>
    }
}
