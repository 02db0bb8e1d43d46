import Fluent
import Vapor

/// `verdict panel status`: every job state, and the latest failures with their reasons.
struct PanelStatusCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Shows panel jobs by state (queued, running, done, failed, abstained) and recent failures\nExample: verdict panel status"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let counts = try await PanelJobModel.counts(on: app.db)
        for state in PanelJobModel.State.allCases {
            context.console.print("\(state.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(counts[state] ?? 0)")
        }
        let problems = try await PanelJobModel.recentProblems(limit: 10, on: app.db)
        for job in problems {
            context.console.print("\(job.state.rawValue): \(job.tool.slug)/\(job.persona) on \(job.backend): \(job.lastError ?? "")")
        }
    }
}
