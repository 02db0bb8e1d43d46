import Fluent
import Foundation

/// A model-written take waiting for (or past) an editor's decision.
final class TakeReviewModel: Model, @unchecked Sendable {
    static let schema = "take_reviews"

    enum Status: String, Sendable, CaseIterable {
        case pending, approved, rejected
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "tool_id") var tool: ToolModel
    @Field(key: "persona") var persona: String
    @Field(key: "status") var statusRaw: String
    /// The proposed take row, as JSON (see `TakeModel.Snapshot`).
    @Field(key: "take") var takeJSON: String
    @OptionalField(key: "edited_text") var editedText: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    var status: Status { Status(rawValue: statusRaw) ?? .pending }

    init() {}
}
