import Fluent
import Vapor
import Foundation
import VerdictCore

/// What an import changed.
struct ImportSummary: Codable, Sendable, Equatable {
    var toolsCreated = 0
    var toolsUpdated = 0
    var toolsUnchanged = 0
    var takesImported = 0
    var takesUnchanged = 0
    var rubricTakesWritten = 0
    /// Tools created or changed, whose panel a model backend should (re)write.
    var changedTools: [UUID] = []

    var line: String {
        "tools: \(toolsCreated) created, \(toolsUpdated) updated, \(toolsUnchanged) unchanged; "
            + "editorial takes: \(takesImported) imported, \(takesUnchanged) unchanged; "
            + "rubric takes written: \(rubricTakesWritten)"
    }
}

enum CatalogImporter {
    /// Writes a validated import in one transaction: tools upserted by slug, editorial takes
    /// replacing the persona's current take, then the rubric fills every persona still missing.
    /// `actor` is who made the change, for the audit log.
    static func apply(_ plan: CatalogImport, asOf: String, actor: String, on db: any Database) async throws -> ImportSummary {
        try await db.transaction { tx in
            var summary = ImportSummary()
            var touched: [String: ToolModel] = [:]
            for tool in plan.tools {
                let model = try await upsert(tool, actor: actor, summary: &summary, on: tx)
                touched[tool.slug] = model
            }
            for imported in plan.takes {
                var found = touched[imported.toolSlug]
                if found == nil { found = try await ToolModel.find(slug: imported.toolSlug, on: tx) }
                guard let model = found, let id = model.id else { continue }  // validated: cannot happen
                touched[imported.toolSlug] = model
                let current = try await TakeModel.currentRows(tool: id, on: tx)[imported.take.persona]
                if let current, current.says(imported.take) {
                    summary.takesUnchanged += 1
                    continue
                }
                let row = TakeModel(toolID: id, take: imported.take, promptVersion: nil, factsHash: model.factsHash)
                try await TakeModel.replace(current, with: row, on: tx)
                try await Audit.record(
                    actor, "take.imported", subject: Audit.subject(tool: model.slug, persona: row.persona),
                    before: current.map { Audit.json(Audit.TakeRecord($0)) }, after: Audit.json(Audit.TakeRecord(row)), on: tx)
                summary.takesImported += 1
            }
            summary.rubricTakesWritten = try await RubricPanel.run(tools: Array(touched.values), asOf: asOf, on: tx)
            return summary
        }
    }

    private static func upsert(_ tool: Tool, actor: String, summary: inout ImportSummary, on db: any Database) async throws -> ToolModel {
        guard let existing = try await ToolModel.find(slug: tool.slug, on: db) else {
            let model = ToolModel(tool)
            try await model.create(on: db)
            try await Audit.record(actor, "tool.created", subject: Audit.subject(tool: tool.slug), after: Audit.json(tool), on: db)
            summary.toolsCreated += 1
            summary.changedTools.append(model.id!)
            return model
        }
        if existing.tool == tool {
            summary.toolsUnchanged += 1
            return existing
        }
        let before = existing.tool
        existing.apply(tool)
        try await existing.save(on: db)
        try await Audit.record(
            actor, "tool.updated", subject: Audit.subject(tool: tool.slug), before: Audit.json(before), after: Audit.json(tool), on: db)
        summary.toolsUpdated += 1
        summary.changedTools.append(existing.id!)
        return existing
    }
}

extension Application {
    /// After an import: when a model backend is configured, queue the panel of every tool the
    /// import created or changed (unchanged facts are not re-billed anyway).
    func queuePanel(after summary: ImportSummary) async throws -> Int {
        guard let backend = panel.config.defaultBackend, !summary.changedTools.isEmpty else { return 0 }
        return try await PanelJobModel.enqueue(
            tools: summary.changedTools, personas: Persona.allCases, backend: backend.name, force: false, on: db)
    }
}
