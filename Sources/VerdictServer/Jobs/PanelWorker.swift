import Fluent
import Foundation
import Vapor
import VerdictCore

/// Claims panel jobs and runs them, `maxConcurrency` at a time per backend. Several workers
/// (in several processes or servers) can share one database: claims are atomic and leased.
struct PanelWorker: Sendable {
    let panel: ModelPanel
    /// How long a claim holds before another worker may take the job over.
    var lease: TimeInterval = 300
    let token = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"

    /// Runs jobs until none is left to claim; `progress` hears each outcome.
    func drain(progress: @escaping @Sendable (ModelPanel.Outcome) -> Void = { _ in }) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for backend in panel.config.backends {
                for slot in 0..<backend.maxConcurrency {
                    group.addTask { try await self.loop(backend: backend.name, slot: slot, progress: progress) }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Polls for work until the task is cancelled: `verdict worker`, or alongside `verdict serve`.
    func runForever(poll: Duration = .seconds(2), logger: Logger) async {
        while !Task.isCancelled {
            do {
                try await drain { outcome in
                    if case .failed(let reason) = outcome { logger.warning("panel job failed: \(reason)") }
                }
            } catch {
                logger.error("panel worker: \(error)")
            }
            try? await Task.sleep(for: poll)
        }
    }

    private func loop(backend: String, slot: Int, progress: @escaping @Sendable (ModelPanel.Outcome) -> Void) async throws {
        while !Task.isCancelled {
            let claim = "\(token)-\(slot)-\(panel.random.hex128().prefix(8))"
            let now = panel.now()
            guard
                let job = try await PanelJobModel.claim(
                    backend: backend, token: claim, now: now, until: now.addingTimeInterval(lease), on: panel.db)
            else { return }
            do {
                progress(try await panel.run(job, token: claim))
            } catch {
                // The database or the lease failed, not the model: give the job back.
                try? await PanelJobModel.release(job.id!, token: claim, error: "\(error)", on: panel.db)
                progress(.failed("\(error)"))
            }
        }
    }
}

/// The model panel as the application sees it: the backends from `Settings` and the client,
/// clock and random source from `AppDependencies`.
struct PanelSetup: Sendable {
    var config: LLMConfig
    var client: any LLMClient
    var clock: AppClock
    var random: RandomSource
    var changes: SiteChanges?

    func worker(db: any Database, logger: Logger) -> PanelWorker {
        PanelWorker(
            panel: ModelPanel(
                client: client, config: config, db: db, now: clock.now, random: random, logger: logger, changes: changes))
    }
}

extension Application {
    var panel: PanelSetup {
        PanelSetup(
            config: settings.llm, client: dependencies.llm, clock: dependencies.clock, random: dependencies.random, changes: changes)
    }
}
