import Fluent
import Foundation
import Vapor
import VerdictCore

/// The moderation queue as the desk and the admin API show it.
extension Moderation {
    /// Reviews in one state, as the admin API returns them.
    static func reviews(status: TakeReviewModel.Status, limit: Int, on db: any Database) async throws -> [AdminDTO.Review] {
        try await TakeReviewModel.list(status: status, limit: limit, on: db).map { try AdminDTO.Review($0, slug: $0.tool.slug) }
    }

    /// The `limit` most recent decisions, approvals and rejections together, newest first.
    static func recentlyDecided(limit: Int, on db: any Database) async throws -> [AdminDTO.Review] {
        var decided = try await reviews(status: .approved, limit: limit, on: db) + reviews(status: .rejected, limit: limit, on: db)
        decided.sort { ($0.decidedAt ?? .distantPast) > ($1.decidedAt ?? .distantPast) }
        return Array(decided.prefix(limit))
    }

    static func pendingCount(on db: any Database) async throws -> Int {
        try await TakeReviewModel.count(status: .pending, on: db)
    }

    /// One review as the admin API returns it.
    static func review(_ review: TakeReviewModel, on db: any Database) async throws -> AdminDTO.Review {
        try AdminDTO.Review(review, slug: try await ToolModel.find(id: review.$tool.id, on: db)?.slug ?? "")
    }

    /// Take text an editor wrote: cleaned like imported text, 1…4000 characters.
    static func editedText(_ text: String) throws -> String {
        switch TextCleaning.field(text, max: 4000) {
        case .success(let cleaned) where !cleaned.isEmpty: return cleaned
        case .success: throw Abort(.badRequest, reason: "The take's text must have 1 to 4000 characters; it has 0.")
        case .failure(let refusal): throw Abort(.badRequest, reason: "The take's text \(refusal).")
        }
    }
}
