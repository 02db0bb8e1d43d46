import Fluent
import Foundation

/// A newsletter subscriber; subscribed only once confirmed (double opt-in).
final class SubscriberModel: Model, @unchecked Sendable {
    static let schema = "subscribers"

    enum State: String, Sendable {
        case pending, confirmed, unsubscribed, bounced
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "state") var stateRaw: String
    /// SHA-256 of the single-use confirmation token; the token itself is only in the mail.
    @OptionalField(key: "confirm_hash") var confirmHash: String?
    @OptionalField(key: "confirm_expires_at") var confirmExpiresAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "unsubscribed_at") var unsubscribedAt: Date?

    var state: State {
        get { State(rawValue: stateRaw) ?? .pending }
        set { stateRaw = newValue.rawValue }
    }

    init() {}

    init(email: String) {
        self.email = email
        self.stateRaw = State.pending.rawValue
    }
}

/// A composed weekly digest; `sent_at` is set once every delivery has been attempted.
final class NewsletterIssueModel: Model, @unchecked Sendable {
    static let schema = "newsletter_issues"

    @ID(key: .id) var id: UUID?
    @Field(key: "week") var week: String
    @Field(key: "subject") var subject: String
    @Field(key: "text_body") var textBody: String
    @Field(key: "html_body") var htmlBody: String
    @Timestamp(key: "composed_at", on: .create) var composedAt: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}
}

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
