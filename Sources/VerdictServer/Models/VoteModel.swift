import Fluent
import Foundation

/// One voter's ship/skip vote on one tool; unique per (tool, voter), changeable.
final class VoteModel: Model, @unchecked Sendable {
    static let schema = "votes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "tool_id") var tool: ToolModel
    @Field(key: "voter") var voter: String
    @Field(key: "vote") var vote: String
    @Field(key: "counted") var counted: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
