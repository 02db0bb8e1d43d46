import Fluent
import Foundation
import VerdictCore

/// The built-in offline reviewer as a job: writes a rubric take for every persona that has no
/// editorial or model take, and rewrites a rubric take only when its output would change.
enum RubricPanel {
    /// Returns how many takes were written.
    static func run(tools: [ToolModel], at now: Date, on db: any Database) async throws -> Int {
        let asOf = AppClock.month(now)
        var written = 0
        for model in tools {
            guard let id = model.id else { continue }
            let tool = model.tool
            let current = try await TakeModel.currentRows(tool: id, on: db)
            for persona in Persona.allCases {
                let existing = current[persona]
                if let existing, existing.source != TakeSource.rubric.rawValue { continue }
                let take = Rubric.take(for: persona, on: tool, asOf: asOf)
                if let existing, existing.says(take) { continue }
                let row = TakeModel(toolID: id, take: take, promptVersion: Rubric.version, factsHash: model.factsHash)
                try await TakeModel.replace(existing, with: row, at: now, on: db)
                try await Audit.record(
                    Audit.rubricJob, "take.written", subject: Audit.subject(tool: model.slug, persona: persona.rawValue),
                    before: existing.map { Audit.json(Audit.TakeRecord($0)) }, after: Audit.json(Audit.TakeRecord(row)), at: now, on: db)
                written += 1
            }
        }
        return written
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
