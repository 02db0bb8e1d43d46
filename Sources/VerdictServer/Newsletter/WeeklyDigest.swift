import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor
import VerdictCore

/// The one way a week's digest is composed and sent: by the scheduler inside `verdict serve`
/// and by `verdict newsletter compose|send` alike. Each holds the `newsletter-digest` lease
/// (`scheduler_leases`) while it works, so two servers, or a server and an operator, never
/// work on the digest at once; a sent issue is neither recomposed nor sent again; and a send
/// resumes from the delivery rows, so nobody already mailed is mailed again.
struct WeeklyDigest: Sendable {
    static let leaseName = "newsletter-digest"

    /// Who holds the lease, as a refusal names it.
    struct Lease: Sendable, Equatable {
        var holder: String
        var until: Date
    }

    enum ComposeOutcome {
        case composed(NewsletterIssueModel)
        case alreadySent(Date)
        /// Its send has begun: recomposing now would mail two versions of one issue.
        case sending
        case busy(Lease)
    }

    enum SendOutcome: Sendable, Equatable {
        /// This run sent (or resumed) the issue; `remaining` > 0 leaves work for the next run.
        case ran(Sender.Report)
        case alreadySent(Date)
        case notComposed
        case busy(Lease)
    }

    let app: Application
    /// This worker's name in the lease: the role, the host, the process and a random suffix,
    /// so two applications in one process hold different leases too.
    let holder: String
    /// How long a lease holds without renewal: a crashed holder's work waits this long.
    var leaseSeconds: TimeInterval = 300
    var renewEvery: Duration = .seconds(60)

    init(app: Application, role: String) {
        self.app = app
        let process = ProcessInfo.processInfo
        holder = "\(role)@\(process.hostName):\(process.processIdentifier):\(app.dependencies.random.hex128().prefix(8))"
    }

    /// Composes the week's issue, unless it was sent or its send has begun.
    func compose(week: ISOWeek, actor: String) async throws -> ComposeOutcome {
        if let sentAt = try await sentAt(week) { return .alreadySent(sentAt) }
        return try await holdingLease(busy: ComposeOutcome.busy) { _ in
            if let issue = try await NewsletterIssueModel.find(week: week.description, on: app.db) {
                if let sentAt = issue.sentAt { return .alreadySent(sentAt) }
                if try await DeliveryModel.count(issue: issue.id!, on: app.db) > 0 { return .sending }
            }
            return .composed(try await Composer.compose(week: week, app: app, actor: actor))
        }
    }

    /// Sends the week's issue to every confirmed subscriber, or resumes its send. With
    /// `compose` (the scheduler), an issue whose send has not begun is (re)composed first from
    /// the data as it stands; without it (`verdict newsletter send`), the issue must exist.
    /// `stop` is asked before each batch; a stopped send is resumed by the next run.
    func send(
        week: ISOWeek, compose: Bool, actor: String, stop: @escaping @Sendable () -> Bool = { false },
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> SendOutcome {
        if let sentAt = try await sentAt(week) { return .alreadySent(sentAt) }
        return try await holdingLease(busy: SendOutcome.busy) { lost in
            let db = app.db
            var issue = try await NewsletterIssueModel.find(week: week.description, on: db)
            if let sentAt = issue?.sentAt { return .alreadySent(sentAt) }
            if compose, !(try await sendBegun(issue, on: db)) {
                issue = try await Composer.compose(week: week, app: app, actor: actor)
            }
            guard let issue else { return .notComposed }
            var sender = Sender(app: app)
            sender.shouldStop = { lost() || stop() }
            return .ran(try await sender.send(issue, progress: progress))
        }
    }

    private func sentAt(_ week: ISOWeek) async throws -> Date? {
        try await NewsletterIssueModel.find(week: week.description, on: app.db)?.sentAt
    }

    private func sendBegun(_ issue: NewsletterIssueModel?, on db: any Database) async throws -> Bool {
        guard let id = issue?.id else { return false }
        return try await DeliveryModel.count(issue: id, on: db) > 0
    }

    /// Runs `body` while holding the lease, renewing it in the background; `body` is told
    /// (through the closure it gets) once a renewal failed, and should stop at its next safe
    /// point. Without the lease, the answer is `busy` with whoever holds it.
    private func holdingLease<T>(
        busy: (Lease) -> T, _ body: (@escaping @Sendable () -> Bool) async throws -> T
    ) async throws -> T {
        let (app, holder, name, seconds, every) = (app, holder, Self.leaseName, leaseSeconds, renewEvery)
        let now = app.dependencies.clock.now()
        guard try await SchedulerLeaseModel.claim(name, holder: holder, now: now, until: now + seconds, on: app.db) else {
            let lease = try await SchedulerLeaseModel.current(name, on: app.db)
            return busy(Lease(holder: lease?.holder ?? "another server", until: lease?.expiresAt ?? now))
        }
        let lost = NIOLockedValueBox(false)
        let renewer = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: every)
                if Task.isCancelled { return }
                let now = app.dependencies.clock.now()
                // A failed renewal (even a database hiccup) stops the work: safer than two senders.
                let kept = try? await SchedulerLeaseModel.claim(name, holder: holder, now: now, until: now + seconds, on: app.db)
                if kept != true {
                    lost.withLockedValue { $0 = true }
                    return
                }
            }
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body { lost.withLockedValue { $0 } })
        } catch {
            result = .failure(error)
        }
        renewer.cancel()
        await renewer.value
        try? await SchedulerLeaseModel.release(name, holder: holder, now: app.dependencies.clock.now(), on: app.db)
        return try result.get()
    }
}

extension WeeklyDigest.Lease {
    /// The operator's line when the lease is taken.
    func refusal(_ week: ISOWeek) -> String {
        "The digest is being composed or sent by \(holder) (lease until \(until)); \(week) was left alone, try again after that"
    }
}
