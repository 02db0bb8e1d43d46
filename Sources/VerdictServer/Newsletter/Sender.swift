import Fluent
import FluentSQL
import Foundation
import Vapor
import VerdictCore

/// Sends a composed issue to every confirmed subscriber, resumably: a delivery row per
/// subscriber is created first, and each is marked as soon as the mail server answers for it.
/// Run again after a crash, it sends only what is still pending.
struct Sender: Sendable {
    struct Report: Sendable, Equatable {
        var sent = 0, temporary = 0, permanent = 0, remaining = 0
        var line: String {
            "\(sent) sent, \(temporary) temporary failures (kept for retry), \(permanent) permanent failures, \(remaining) still pending"
        }
    }

    let app: Application
    var batchSize = 100
    /// Temporary failures are retried this many times in one run before being left for the next.
    var maxAttemptsPerRun = 3
    /// Asked before each batch; true stops the run there (pending rows stay for the next run).
    var shouldStop: @Sendable () -> Bool = { false }

    func send(_ issue: NewsletterIssueModel, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Report {
        let db = app.db
        guard let issueID = issue.id, let key = app.verdict.signingKey else { throw Abort(.internalServerError) }
        try await enqueue(issueID, on: db)
        let total = try await DeliveryModel.count(issue: issueID, on: db)
        var report = Report()
        var tries: [UUID: Int] = [:]
        var exhausted: [UUID] = []
        while !shouldStop() {
            // A fresh page each round: memory is one batch (plus this run's failures), whatever
            // the subscriber count.
            let batch = try await DeliveryModel.pendingBatch(issue: issueID, excluding: exhausted, limit: batchSize, on: db)
            if batch.isEmpty { break }
            for failed in try await deliver(batch, issue: issue, key: key, report: &report) {
                tries[failed, default: 0] += 1
                if tries[failed]! >= maxAttemptsPerRun { exhausted.append(failed) }
            }
            let pending = try await DeliveryModel.pendingCount(issue: issueID, on: db)
            progress(total - pending, total)
        }
        report.remaining = try await DeliveryModel.pendingCount(issue: issueID, on: db)
        if report.remaining == 0 && issue.sentAt == nil {
            let line = report.line
            let now = app.dependencies.clock.now()
            try await db.transaction { tx in
                try await NewsletterIssueModel.markSent(issue, at: now, on: tx)
                try await Audit.record(
                    Audit.newsletterJob, "newsletter.sent", subject: "newsletter:\(issue.week)",
                    after: Audit.json(["week": issue.week, "result": line]), at: now, on: tx)
            }
            // The archive lists sent issues only: this one appears now, on every server.
            await app.changes.newsletter()
        }
        return report
    }

    /// One delivery row per confirmed subscriber; re-running adds only new ones. Pages through
    /// subscribers by id so memory stays flat.
    private func enqueue(_ issueID: UUID, on db: any Database) async throws {
        var after: UUID?
        while true {
            let ids = try await SubscriberModel.confirmedIDs(after: after, limit: 1000, on: db)
            guard let last = ids.last else { return }
            try await DeliveryModel.enqueue(issue: issueID, subscribers: ids, now: app.dependencies.clock.now(), on: db)
            after = last
        }
    }

    /// Sends one batch and records each answer; returns the ids that failed temporarily.
    private func deliver(_ batch: [DeliveryModel], issue: NewsletterIssueModel, key: SymmetricKey, report: inout Report) async throws
        -> [UUID]
    {
        var temporary: [UUID] = []
        var envelopes: [Envelope] = []
        var rows: [DeliveryModel] = []
        for row in batch where row.subscriber.state == .confirmed {
            guard let env = Mailer.digest(issue, to: row.subscriber, key: key, mail: app.mail, date: app.dependencies.clock.now()) else {
                continue
            }
            envelopes.append(env)
            rows.append(row)
        }
        // Unsubscribed since enqueueing: never mailed.
        for row in batch where row.subscriber.state != .confirmed { try await mark(row, "skipped", nil, on: app.db) }
        var results: [DeliveryResult]
        do {
            results = try await app.dependencies.mailTransport.send(envelopes)
        } catch {
            // The server went away mid-batch: keep what it answered, the rest stays pending.
            results = (error as? MailTransportError)?.completed ?? []
            let failure = DeliveryResult.temporaryFailure(code: 0, message: "\(error)")
            results += Array(repeating: failure, count: max(0, envelopes.count - results.count))
        }
        // One transaction for the batch's answers: one disk sync instead of one per subscriber.
        let answered = Array(zip(rows, results))
        let (failed, tally) = try await app.db.transaction { tx -> ([UUID], Report) in
            var temporary: [UUID] = []
            var tally = Report()
            for (row, result) in answered {
                switch result {
                case .delivered:
                    try await mark(row, "sent", nil, on: tx)
                    tally.sent += 1
                case .temporaryFailure(let code, let message):
                    row.attempts += 1
                    try await mark(row, "pending", "\(code) \(message)", on: tx)
                    tally.temporary += 1
                    temporary.append(row.id!)
                case .permanentFailure(let code, let message):
                    try await mark(row, "failed", "\(code) \(message)", on: tx)
                    try await SubscriberModel.markBounced(row.subscriber, on: tx)
                    tally.permanent += 1
                }
            }
            return (temporary, tally)
        }
        temporary = failed
        report.sent += tally.sent
        report.temporary += tally.temporary
        report.permanent += tally.permanent
        return temporary
    }

    private func mark(_ row: DeliveryModel, _ state: String, _ error: String?, on db: any Database) async throws {
        try await DeliveryModel.mark(row, state: state, error: error, on: db)
    }
}
