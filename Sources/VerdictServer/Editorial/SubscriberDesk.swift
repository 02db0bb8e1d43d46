import Fluent
import Foundation

/// The newsletter area of the editor's desk (admins only): who subscribed, and how each
/// issue's deliveries went.
enum SubscriberDesk {
    /// How many subscribers are in each state, by state name.
    static func counts(on db: any Database) async throws -> [String: Int] {
        try await SubscriberModel.countsByState(on: db)
    }

    static func confirmedCount(on db: any Database) async throws -> Int {
        try await SubscriberModel.count(state: .confirmed, on: db)
    }

    /// A page of subscribers, newest first, in one state or all.
    static func page(state: SubscriberModel.State?, offset: Int, limit: Int, on db: any Database) async throws -> [AdminDTO.Subscriber] {
        try await SubscriberModel.page(state: state, offset: offset, limit: limit, on: db).map(AdminDTO.Subscriber.init)
    }

    /// The latest 100 issues with their deliveries counted by state.
    static func sends(on db: any Database) async throws -> [AdminDTO.Send] {
        let issues = try await NewsletterIssueModel.latest(limit: 100, on: db)
        let counts = try await DeliveryModel.tallies(issues: issues.compactMap(\.id), on: db)
        return try issues.map { issue in
            let c = try counts[issue.requireID()] ?? [:]
            return AdminDTO.Send(
                week: issue.week, subject: issue.subject, createdAt: issue.composedAt ?? Date(timeIntervalSince1970: 0),
                sent: c["sent"] ?? 0, pending: c["pending"] ?? 0, failed: c["failed"] ?? 0)
        }
    }
}
