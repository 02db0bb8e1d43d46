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
    /// Panel jobs queued for `changedTools`, in the import's own transaction.
    var panelJobsQueued = 0
    /// For a dataset: the records, offers and prices written.
    var intake: SourceWriter.Summary?

    var line: String {
        (intake.map { $0.line + "; " } ?? "") + "tools: \(toolsCreated) created, \(toolsUpdated) updated, \(toolsUnchanged) unchanged; "
            + "editorial takes: \(takesImported) imported, \(takesUnchanged) unchanged; "
            + "rubric takes written: \(rubricTakesWritten)"
    }
}

/// The end of a pipeline run: the validated plan, and what writing it changed (nil when only checked).
struct ImportResult: Sendable {
    var plan: CatalogImport
    var summary: ImportSummary?
    /// For a dataset import: which tools it adds and which records it left out.
    var dataset: DatasetCatalog? = nil
    /// For a dataset: what the snapshot changes against the last import of that dataset.
    var diff: SourceDiff? = nil
    /// For a dataset read with `--skip-invalid` (always, for a sync): the records left out and why.
    var skipped: [IntakeProblem] = []

    /// One line for people: what was written, or that the input is valid and nothing was.
    func line(source: String) -> String {
        guard let summary else {
            return "\(source): valid (\(plan.tools.count) tools, \(plan.takes.count) takes); nothing written."
        }
        return summary.line
    }
}
