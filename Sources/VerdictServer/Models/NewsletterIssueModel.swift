import Fluent
import Foundation

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
