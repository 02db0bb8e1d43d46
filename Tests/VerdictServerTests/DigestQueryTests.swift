import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// The composer once asked for each of the week's takes what it replaced (one query per take).
/// It now loads the week in a fixed number of queries; these tests pin that the digest it
/// writes is the one the per-take loop wrote.
@Suite("Digest: the week's changes in a fixed number of queries, the same digest as before")
struct DigestQueryTests {
    // MARK: - the scenario

    /// The demo catalog with its history moved a month back; then, this week: some flips, some
    /// rewordings, one take flipped and flipped back, two new tools (first takes), and votes
    /// both before and during the week. Returns the tools whose takes changed.
    @discardableResult
    static func week(_ app: Application, changing count: Int) async throws -> [String] {
        let month = Date().addingTimeInterval(-30 * 86_400)
        try await app.db.sql().update(TakeModel.schema).set("created_at", to: month).run()
        try await app.db.sql().update(ToolModel.schema).set("created_at", to: month).run()
        let tools = try await ToolModel.allBySlug(on: app.db).filter { $0.retiredAt == nil }
        // Votes a month ago and this week, so "movers" has a before and an after.
        let early = (0..<12).map { "early-\($0)" }
        let late = (0..<12).map { "late-\($0)" }
        _ = try await VoteWriter.write(
            tools.prefix(4).flatMap { t in early.map { VoteWriter.Vote(tool: t.id!, voter: $0, vote: .ship, counted: true) } }, at: Date(),
            on: app.db)
        try await app.db.sql().update(VoteModel.schema).set("created_at", to: month).run()
        _ = try await VoteWriter.write(
            tools.prefix(4).flatMap { t in late.map { VoteWriter.Vote(tool: t.id!, voter: $0, vote: .skip, counted: true) } }, at: Date(),
            on: app.db)
        var changed: [String] = []
        for (i, tool) in tools.prefix(count).enumerated() {
            let rows = try await TakeModel.currentRows(tool: tool.id!, on: app.db)
            if let builder = rows[.builder] { try await replace(builder, flipping: true, on: app.db) }
            if let skeptic = rows[.skeptic] { try await replace(skeptic, flipping: false, on: app.db) }
            if i == 0, let buyer = rows[.buyer] {
                // Flipped twice within the week: the current take is set against the one just before it.
                let flipped = try await replace(buyer, flipping: true, on: app.db)
                try await Task.sleep(for: .milliseconds(5))
                try await replace(flipped, flipping: true, on: app.db)
            }
            changed.append(tool.slug)
        }
        _ = try await app.importYAML(Catalogs.two)
        return changed
    }

    /// Replaces a current take with the same persona's next one, its verdict flipped or not.
    @discardableResult
    static func replace(_ row: TakeModel, flipping: Bool, on db: any Database) async throws -> TakeModel {
        var take = try #require(row.take)
        if flipping { take.verdict = take.verdict == .ship ? .skip : .ship }
        take.text += " (revised)"
        let next = TakeModel(toolID: row.$tool.id, take: take, promptVersion: row.promptVersion, factsHash: row.factsHash)
        try await TakeModel.replace(row, with: next, at: Date(), on: db)
        return next
    }

    // MARK: - the composer as it was

    /// The per-take loop the composer ran before: for each of the week's takes, one query for
    /// the same persona's take just before it. `excludingSelf: false` is the loop exactly as it
    /// was: it bound the take's decoded `created_at` back into `created_at < ?`, and on SQLite
    /// the round trip through a double can land just above the stored value, so the take could
    /// find itself as its own predecessor and a real flip vanished from the digest.
    static func perTakeChanges(
        start: Date, end: Date, excludingSelf: Bool = true, on db: any Database
    ) async throws -> [TakeChange] {
        let fresh = try await TakeModel.query(on: db).with(\.$tool)
            .filter(\.$createdAt >= start).filter(\.$createdAt < end).filter(\.$supersededAt == nil).all()
        var out: [TakeChange] = []
        for take in fresh {
            var query = TakeModel.query(on: db)
                .filter(\.$tool.$id == take.$tool.id).filter(\.$persona == take.persona)
                .filter(\.$createdAt < take.createdAt ?? start)
            if excludingSelf { query = query.filter(\.$id != take.id!) }
            let before = try await query.sort(\.$createdAt, .descending).first()
            out.append(TakeChange(slug: take.tool.slug, persona: take.persona, from: before?.verdict, to: take.verdict))
        }
        return out
    }

    /// The digest as the composer built it before, from the per-take loop.
    static func perTakeDigest(_ week: ISOWeek, on db: any Database) async throws -> VerdictCore.Digest {
        let (start, end) = week.interval()
        let newTools = try await ToolModel.query(on: db).filter(\.$retiredAt == nil)
            .filter(\.$createdAt >= start).filter(\.$createdAt < end).all(\.$slug)
        var changes: [(slug: String, persona: Persona, from: String?, to: String)] = []
        for c in try await perTakeChanges(start: start, end: end, on: db) {
            guard let persona = Persona(rawValue: c.persona), c.from != c.to else { continue }
            changes.append((c.slug, persona, c.from, c.to))
        }
        return DigestBuilder.build(
            week: week, standings: try await ToolModel.standings(on: db), newToolSlugs: Set(newTools),
            changedTakes: changes, communityBefore: try await VoteModel.shipPercents(before: start, on: db))
    }

    static func sorted(_ changes: [TakeChange]) -> [TakeChange] {
        changes.sorted { ($0.slug, $0.persona, $0.to) < ($1.slug, $1.persona, $1.to) }
    }

    // MARK: - tests

    @Test("The week's takes and what each replaced are the ones the per-take loop found")
    func sameChanges() async throws {
        try await withTestApp(seedDemo: true) { app in
            let changed = try await Self.week(app, changing: 6)
            let (start, end) = ISOWeek.containing(Date()).interval()
            // MUT
            let written = try await TakeModel.written(from: start, to: end, on: app.db)
            // Every flip is reported against the take it replaced, never against itself.
            for slug in changed {
                let builder = try #require(written.first { $0.slug == slug && $0.persona == Persona.builder.rawValue })
                #expect(builder.from != nil && builder.from != builder.to, "\(slug)")
            }
            // validate
            let expected = try await Self.perTakeChanges(start: start, end: end, on: app.db)
            #expect(Self.sorted(written) == Self.sorted(expected))
            #expect(written.contains { $0.from != nil && $0.from != $0.to })  // flips
            #expect(written.contains { $0.from != nil && $0.from == $0.to })  // rewordings, back-flips
            #expect(written.contains { $0.from == nil })  // first takes of the new tools
        }
    }

    @Test("The composed issue is byte for byte the digest the per-take loop produced")
    func sameIssue() async throws {
        try await withTestApp(seedDemo: true) { app in
            let changed = try await Self.week(app, changing: 6)
            let week = ISOWeek.containing(Date())
            // MUT
            let issue = try await Composer.compose(week: week, app: app)
            // validate
            let digest = try await Self.perTakeDigest(week, on: app.db)
            let links = Composer.links(for: week, app: app)
            #expect(issue.subject == DigestMail.subject(digest))
            #expect(issue.textBody == DigestMail.text(digest, links: links))
            #expect(issue.htmlBody == DigestMail.html(digest, links: links))
            // Not a vacuous match: flips, first takes and movers are all in it.
            let flipped = Set(digest.newVerdicts.filter { $0.from != nil }.map(\.tool.slug))
            #expect(!flipped.isEmpty && flipped.isSubset(of: Set(changed)))
            #expect(!digest.newVerdicts.contains { $0.persona == .skeptic && changed.contains($0.tool.slug) })  // reworded only
            #expect(digest.newVerdicts.contains { $0.from == nil })
            #expect(!digest.movers.isEmpty)
        }
    }

    @Test("Loading the week's changes takes the same number of queries for 2 changed tools as for 30")
    func fixedQueries() async throws {
        var counts: [Int] = []
        for changing in [2, 30] {
            try await withTestApp(seedDemo: true) { app in
                try await Self.week(app, changing: changing)
                let (start, end) = ISOWeek.containing(Date()).interval()
                app.fluent.history.start()
                // MUT
                let written = try await TakeModel.written(from: start, to: end, on: app.db)
                // validate
                counts.append(app.fluent.history.queries.count)
                app.fluent.history.stop()
                #expect(written.count > changing)
            }
        }
        #expect(counts[0] == counts[1])
        #expect(counts[0] <= 3)
    }
}
