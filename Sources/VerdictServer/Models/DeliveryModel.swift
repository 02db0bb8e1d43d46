import Fluent
import Foundation

/// One subscriber's copy of one issue.
final class DeliveryModel: Model, @unchecked Sendable {
    static let schema = "deliveries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "issue_id") var issue: NewsletterIssueModel
    @Parent(key: "subscriber_id") var subscriber: SubscriberModel
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_error") var lastError: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
