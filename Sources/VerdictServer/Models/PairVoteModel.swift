import Fluent
import Foundation

/// One voter's answer to "which would you ship with?" for one pair of tools.
final class PairVoteModel: Model, @unchecked Sendable {
    static let schema = "pair_votes"

    @ID(key: .id) var id: UUID?
    @Field(key: "tool_a_id") var toolA: UUID
    @Field(key: "tool_b_id") var toolB: UUID
    @Field(key: "voter") var voter: String
    @OptionalField(key: "pick_id") var pick: UUID?
    @Field(key: "counted") var counted: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
