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
