import Foundation
import Vapor
import VerdictCore

/// Syncs the configured dataset sources from inside `verdict serve`: every `interval` it looks
/// for a source whose last sync attempt is older than `VERDICT_SYNC_HOURS` and syncs it. Once,
/// however many servers run it: a lease per source decides who works, and the stored attempt time
/// says whether there is work.
struct SourceScheduler: Sendable {
    let app: Application
    var interval: Duration = .seconds(300)
    let holder = "sync-\(UUID().uuidString.prefix(8))"

    /// One pass: the sources due, synced in turn; their reports.
    func tick() async throws -> [SourceSync.Report] {
        let settings = app.settings.intake
        var reports: [SourceSync.Report] = []
        for source in settings.sources.sources {
            let now = app.dependencies.clock.now()
            let state = try await SourceSyncState.find(source.name, on: app.db)
            if let attempted = state?.attempted_at, now.timeIntervalSince(attempted) < Double(settings.syncHours) * 3600 { continue }
            let lease = "sync:\(source.name)"
            let until = now.addingTimeInterval(settings.timeoutSeconds + 600)
            guard try await SchedulerLeaseModel.claim(lease, holder: holder, now: now, until: until, on: app.db) else { continue }
            reports.append(await SourceSync(app: app).sync(source))
            try? await SchedulerLeaseModel.release(lease, holder: holder, now: app.dependencies.clock.now(), on: app.db)
        }
        return reports
    }

    func run(until stop: StopSignal) async {
        let names = app.settings.intake.sources.sources.map(\.name).joined(separator: ", ")
        app.logger.notice("Dataset sources synced every \(app.settings.intake.syncHours) h: \(names)")
        while !stop.isSet {
            do { _ = try await Task { try await self.tick() }.value } catch {
                app.logger.error("Dataset sync: \(String(reflecting: error)); trying again in \(interval)")
            }
            try? await Task.sleep(for: interval)
        }
    }
}

extension Application {
    /// Starts the daily dataset sync when `VERDICT_SOURCES` names sources.
    func startSourceScheduler() {
        guard !settings.intake.sources.sources.isEmpty else { return }
        let scheduler = SourceScheduler(app: self)
        let signal = StopSignal()
        let task = Task { await scheduler.run(until: signal) }
        lifecycle.use(StopScheduler(signal: signal, task: task))
    }
}
