import Foundation
import Vapor
import VerdictCore

/// The import area of the editor's desk: a catalog file uploaded in the browser or posted to
/// the admin API goes through the same `ImportPipeline` as `verdict import`.
enum ImportDesk {
    struct Outcome: Content {
        var tools: Int
        var takes: Int
        var written: Bool
        var summary: String
        var queued: Int
    }

    /// Validates the file (every problem at once) and, unless `checkOnly`, writes it; an invalid
    /// file throws `ToolEditing.Failure.invalid` and writes nothing.
    static func run(_ data: Data, name: String, checkOnly: Bool, origin: ImportOrigin, app: Application) async throws -> Outcome {
        let result: ImportResult
        do {
            result = try await app.importPipeline.run(.text(data, source: name, origin: origin, checkOnly: checkOnly))
        } catch let failure as ImportFailure {
            throw ToolEditing.Failure.invalid(failure)
        }
        return Outcome(
            tools: result.plan.tools.count, takes: result.plan.takes.count, written: result.summary != nil,
            summary: result.line(source: name), queued: result.summary?.panelJobsQueued ?? 0)
    }
}
