import Fluent
import NIOConcurrencyHelpers
import Vapor
import VerdictCore

/// Reads which tools and personas a panel command is about, refusing unknown ones by name.
enum PanelTargets {
    static func tools(_ slugs: [String]?, on db: any Database, console: any Console) async throws -> [ToolModel] {
        guard let slugs else { return try await ToolModel.allBySlug(on: db) }
        let found = try await ToolModel.find(slugs: slugs, on: db)
        let unknown = slugs.filter { s in !found.contains { $0.slug == s } }
        guard unknown.isEmpty else {
            console.error("No tool with slug \(unknown.map { "'\($0)'" }.joined(separator: ", "))")
            throw CommandFailed()
        }
        return found
    }

    static func personas(_ raw: String?, console: any Console) throws -> [Persona] {
        guard let raw else { return Persona.allCases }
        guard let p = Persona(rawValue: raw) else {
            console.error("Unknown persona '\(raw)'; expected builder, skeptic, futurist or buyer")
            throw CommandFailed()
        }
        return [p]
    }
}

/// Counts what a drain produced, and shows it as a progress bar on the terminal.
struct PanelTally: Sendable {
    var wrote = 0, unchanged = 0, abstained = 0, failed = 0
    var done: Int { wrote + unchanged + abstained + failed }
    var line: String { "\(wrote) written, \(unchanged) unchanged (not re-billed), \(abstained) abstained, \(failed) failed" }

    mutating func add(_ outcome: ModelPanel.Outcome) {
        switch outcome {
        case .wrote: wrote += 1
        case .unchanged: unchanged += 1
        case .abstained: abstained += 1
        case .failed: failed += 1
        }
    }
}

enum PanelProgress {
    static func drain(app: Application, expected: Int, console: any Console) async throws -> PanelTally {
        let bar = console.progressBar(title: "Panel")
        bar.start()
        let tally = NIOLockedValueBox(PanelTally())
        try await app.panel.worker(db: app.db, logger: app.logger).drain { outcome in
            let done = tally.withLockedValue { t in
                t.add(outcome)
                return t.done
            }
            bar.activity.currentProgress = expected == 0 ? 1 : min(1, Double(done) / Double(expected))
        }
        bar.succeed()
        return tally.withLockedValue { $0 }
    }
}
