import Fluent
import Foundation

extension NewsletterIssueModel {
    /// The issue of this ISO week (e.g. "2026-W48"), sent or not.
    static func find(week: String, on db: any Database) async throws -> NewsletterIssueModel? {
        try await NewsletterIssueModel.query(on: db).filter(\.$week == week).first()
    }

    /// The sent issue of this week: what the public archive may show.
    static func sent(week: String, on db: any Database) async throws -> NewsletterIssueModel? {
        try await NewsletterIssueModel.query(on: db).filter(\.$week == week).filter(\.$sentAt != nil).first()
    }

    /// Stores a newly composed or recomposed issue (the composer refuses to recompose a sent one).
    static func saveComposed(_ issue: NewsletterIssueModel, on db: any Database) async throws {
        try await issue.save(on: db)
    }

    /// Records that every delivery of the issue has been attempted.
    static func markSent(_ issue: NewsletterIssueModel, at: Date, on db: any Database) async throws {
        issue.sentAt = at
        try await issue.save(on: db)
    }

    /// Every sent issue, newest week first.
    static func allSent(on db: any Database) async throws -> [NewsletterIssueModel] {
        try await NewsletterIssueModel.query(on: db).filter(\.$sentAt != nil).sort(\.$week, .descending).all()
    }

    /// The `limit` latest issues, sent or not, newest week first.
    static func latest(limit: Int, on db: any Database) async throws -> [NewsletterIssueModel] {
        try await NewsletterIssueModel.query(on: db).sort(\.$week, .descending).limit(limit).all()
    }
}
