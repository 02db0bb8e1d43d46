import Fluent
import Vapor

/// The one way a write says what it changed. Called after the write commits and before its
/// answer: this server drops the cached pages that show the change at once (so the next
/// request sees it), and a change event tells every other server and process to do the same.
struct SiteChanges: Sendable {
    /// The PostgreSQL channel that wakes the other servers' followers.
    static let channel = "verdict_changes"

    let application: Application

    func publish(_ scope: CacheScope) async {
        if case .tags(let tags) = scope, tags.isEmpty { return }
        application.invalidateCaches(scope)
        let db = application.db
        do {
            try await ChangeEventModel.record(
                scope, origin: application.changeFeed.origin, at: application.dependencies.clock.now(), on: db)
            try await ChangeEventModel.notify(Self.channel, on: db)
        } catch {
            // The write itself has committed; other servers catch up when their pages next change.
            application.logger.warning("Could not record a change for the other servers: \(String(describing: error))")
        }
    }

    /// Takes or moderation changed these tools' standings (the writer re-ranked them in its
    /// transaction with `ToolModel.refreshRanking`): their pages, data and lists are dropped.
    func standingsChanged(_ ids: [UUID]) async {
        await changed(ids, extra: [], categories: [], members: false)
    }

    /// Votes changed these tools' community numbers (and re-ranked them): their pages and lists
    /// are dropped, the data their pages are rendered from is not.
    func votesChanged(_ ids: [UUID]) async {
        await changed(ids, extra: [], categories: [], members: false, numbersOnly: true)
    }

    /// Facts, names, categories or listing changed (an edit, an import, a retirement): as
    /// `standingsChanged`, plus the catalog's counts and the ranking. `formerCategories` names
    /// categories the tools have just left. A change of more than 200 tools drops everything.
    func toolsChanged(_ ids: [UUID], formerCategories: Set<String> = []) async {
        await changed(ids, extra: [.catalog, .leaderboard], categories: formerCategories, members: true)
    }

    /// Head-to-head picks move the two tools' comparison and the ranking.
    func picks(_ a: String, _ b: String) async {
        await publish(.tags([.community(a), .community(b), .leaderboard]))
    }

    private func changed(
        _ ids: [UUID], extra: Set<CacheTag>, categories former: Set<String>, members: Bool, numbersOnly: Bool = false
    ) async {
        guard !ids.isEmpty else { return }
        let db = application.db
        do {
            guard ids.count <= 200 else { return await publish(.everything) }
            let rows = try await ToolModel.slugsAndCategories(of: ids, on: db)
            let categories = Set(rows.map(\.category)).union(former)
            var tags = extra.union(rows.map { numbersOnly ? CacheTag.community($0.slug) : .tool($0.slug) }).union([.standings])
            tags.formUnion(categories.map { .category($0) })
            if members { tags.formUnion(categories.map { .members($0) }) }
            await publish(.tags(tags))
        } catch {
            application.logger.error("Could not read what \(ids.count) changed tool(s) are: \(String(describing: error))")
            await publish(.everything)
        }
    }

    /// A newsletter issue was composed or sent.
    func newsletter() async {
        await publish(.tags([.newsletter]))
    }
}

extension Application {
    var changes: SiteChanges { SiteChanges(application: self) }
}

extension Request {
    var changes: SiteChanges { application.changes }
}
