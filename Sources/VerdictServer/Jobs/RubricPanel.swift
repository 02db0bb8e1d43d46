import Fluent
import Foundation
import VerdictCore

/// The built-in offline reviewer as a job: writes a rubric take for every persona that has no
/// editorial or model take, and rewrites a rubric take only when its output would change. Each
/// tool is weighed against its category's field (`Rubric.Field`), read once per category.
enum RubricPanel {
    /// Returns how many takes were written.
    @discardableResult
    static func run(tools: [ToolModel], at now: Date, on db: any Database) async throws -> Int {
        try await runReporting(tools: tools, at: now, on: db).written
    }

    /// As `run`, also saying which tools got a new take.
    static func runReporting(tools: [ToolModel], at now: Date, on db: any Database) async throws -> (written: Int, changed: Set<UUID>) {
        let asOf = AppClock.month(now)
        let fields = try await Self.fields(Set(tools.map(\.categorySlug)), asOf: asOf, on: db)
        var written = 0
        var changed = Set<UUID>()
        // In id order: the ranking locks rows in that order on PostgreSQL, so two writers never
        // wait on each other's rows crosswise.
        for model in tools.sorted(by: { ($0.id?.uuidString ?? "") < ($1.id?.uuidString ?? "") }) {
            guard let id = model.id else { continue }
            let tool = model.tool
            let field = fields[model.categorySlug] ?? .none
            let standing = Rubric.standing(of: tool, asOf: asOf, field: field)
            if standing != model.rubricStanding {
                try await db.sql().update(ToolModel.schema).set("rubric_standing", to: standing).where("id", .equal, id).run()
                model.rubricStanding = standing
                changed.insert(id)
            }
            let current = try await TakeModel.currentRows(tool: id, on: db)
            for persona in Persona.allCases {
                let existing = current[persona]
                if let existing, existing.source != TakeSource.rubric.rawValue { continue }
                let take = Rubric.take(for: persona, on: tool, asOf: asOf, field: field)
                if let existing, existing.says(take) { continue }
                let row = TakeModel(toolID: id, take: take, promptVersion: Rubric.version, factsHash: model.factsHash)
                try await TakeModel.replace(existing, with: row, at: now, on: db)
                try await Audit.record(
                    Audit.rubricJob, "take.written", subject: Audit.subject(tool: model.slug, persona: persona.rawValue),
                    before: existing.map { Audit.json(Audit.TakeRecord($0)) }, after: Audit.json(Audit.TakeRecord(row)), at: now, on: db)
                written += 1
                changed.insert(id)
            }
        }
        return (written, changed)
    }

    /// Each category's field, from its listed tools (their facts, and the scores each persona
    /// gives them, for the category's bars).
    static func fields(_ categories: Set<String>, asOf: String, on db: any Database) async throws -> [String: Rubric.Field] {
        var fields: [String: Rubric.Field] = [:]
        for category in categories {
            let listed = try await ToolModel.query(on: db).filter(\.$categorySlug == category).filter(\.$retiredAt == nil).all()
            fields[category] = Rubric.Field(tools: listed.map(\.tool), asOf: asOf)
        }
        return fields
    }

    /// After a write that may have moved these categories' fields (from `before`, read at the
    /// start of the same transaction): every listed tool of a category whose field now judges
    /// differently is weighed again (except `done`, already run), and those whose takes or
    /// standing changed are re-ranked. Returns the tools re-ranked.
    static func reweigh(
        _ before: [String: Rubric.Field], except done: Set<UUID> = [], at now: Date, cause: String, on db: any Database
    ) async throws -> Set<UUID> {
        let after = try await fields(Set(before.keys), asOf: AppClock.month(now), on: db)
        let moved = Set(after.filter { category, field in !(before[category]?.judgesLike(field) ?? false) }.keys)
        let peers = try await Self.peers(of: moved, on: db).filter { $0.id.map { !done.contains($0) } ?? false }
        guard !peers.isEmpty else { return [] }
        let changed = try await runReporting(tools: peers, at: now, on: db).changed
        try await ToolModel.refreshRanking(Array(changed), at: now, cause: cause, on: db)
        return changed
    }

    /// The listed tools of these categories: whose takes a change to the field can move.
    static func peers(of categories: Set<String>, on db: any Database) async throws -> [ToolModel] {
        guard !categories.isEmpty else { return [] }
        return try await ToolModel.query(on: db).filter(\.$categorySlug ~~ Array(categories)).filter(\.$retiredAt == nil).all()
    }

    /// Runs the rubric over the whole catalog (or the given slugs) in one transaction.
    static func runAll(slugs: [String]? = nil, at now: Date, on db: any Database) async throws -> Int {
        try await db.transaction { tx in
            let tools = if let slugs { try await ToolModel.find(slugs: slugs, on: tx) } else { try await ToolModel.allBySlug(on: tx) }
            let written = try await run(tools: tools, at: now, on: tx)
            try await ToolModel.refreshRanking(tools.compactMap(\.id), at: now, cause: "the rubric (\(Rubric.version))", on: tx)
            return written
        }
    }
}
