import Foundation
import NIOConcurrencyHelpers
import Vapor
import VerdictCore

/// Sends the weekly digest from inside `verdict serve` (`VERDICT_DIGEST_SCHEDULE`): every
/// `interval` it asks whether this week's send time has passed and, if so, sends the week's
/// issue through `WeeklyDigest`. Once, however many servers run it: the lease decides who
/// works, the unique week and `sent_at` say whether there is work, and the delivery
/// rows say who is still to be mailed.
struct DigestScheduler: Sendable {
    let app: Application
    let schedule: DigestSchedule
    let digest: WeeklyDigest
    var interval: Duration = .seconds(60)
    /// After a run that left deliveries pending (temporary failures), wait this long before
    /// the next, rather than knock on a refusing mail server every minute.
    var retryAfter: TimeInterval = 900

    init(app: Application, schedule: DigestSchedule) {
        self.app = app
        self.schedule = schedule
        digest = WeeklyDigest(app: app, role: "scheduler")
    }

    /// One look at the clock: nil before this week's send time, else what sending the week's
    /// issue came to (sent, already sent, or another server at it).
    func tick(stop: @escaping @Sendable () -> Bool = { false }) async throws -> (week: ISOWeek, outcome: WeeklyDigest.SendOutcome)? {
        guard let week = schedule.dueWeek(at: app.dependencies.clock.now()) else { return nil }
        return (week, try await digest.send(week: week, compose: true, actor: Audit.newsletterJob, stop: stop))
    }

    /// Ticks until `stop` is set (at shutdown).
    func run(until stop: StopSignal) async {
        app.logger.notice("Weekly digest scheduled for \(schedule) UTC")
        var retryAt: Date?
        while !stop.isSet {
            if retryAt.map({ app.dependencies.clock.now() >= $0 }) ?? true {
                // Unstructured, so cancelling this loop at shutdown cancels no database call or
                // mail half-way; a send stops at its next batch through `stop` instead.
                let unfinished = await Task { await self.loggedTick(stop: stop) }.value
                retryAt = unfinished ? app.dependencies.clock.now().addingTimeInterval(retryAfter) : nil
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// A tick with its outcome logged; true when deliveries were left pending.
    private func loggedTick(stop: StopSignal) async -> Bool {
        do {
            switch try await tick(stop: { stop.isSet }) {
            case (let week, .ran(let report))?:
                app.logger.notice("Weekly digest \(week): \(report.line)")
                return report.remaining > 0
            case (let week, .busy(let lease))?:
                app.logger.debug("Weekly digest \(week): \(lease.holder) is at it")
            default:
                break
            }
        } catch {
            app.logger.error("Weekly digest: \(String(reflecting: error)); trying again in \(interval)")
        }
        return false
    }
}

/// Set once, at shutdown: read by the scheduler's loop and by a send in progress.
final class StopSignal: Sendable {
    private let flag = NIOLockedValueBox(false)
    var isSet: Bool { flag.withLockedValue { $0 } }
    func set() { flag.withLockedValue { $0 = true } }
}

/// Stops a scheduler (the digest's, the dataset sync's) with the application: work in progress finishes and records
/// its batch, gives up its lease, and only then does shutdown go on (to close the database).
struct StopScheduler: LifecycleHandler {
    let signal: StopSignal
    let task: Task<Void, Never>

    func shutdown(_ application: Application) {
        signal.set()
        task.cancel()
    }

    func shutdownAsync(_ application: Application) async {
        shutdown(application)
        await task.value
    }
}

extension Application {
    /// Starts the weekly digest scheduler when `VERDICT_DIGEST_SCHEDULE` names a time.
    func startDigestScheduler() {
        guard let schedule = settings.digestSchedule else { return }
        let scheduler = DigestScheduler(app: self, schedule: schedule)
        let signal = StopSignal()
        let task = Task { await scheduler.run(until: signal) }
        lifecycle.use(StopScheduler(signal: signal, task: task))
    }
}
