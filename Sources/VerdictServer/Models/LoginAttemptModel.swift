import Fluent
import Foundation

/// One login attempt; counted per account and per network over a window.
final class LoginAttemptModel: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    /// The email as typed, lowercased (whether or not such an account exists).
    @Field(key: "account") var account: String
    /// A daily-salted HMAC of the client's network, as votes use.
    @Field(key: "network") var network: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "at") var at: Date

    init() {}

    init(account: String, network: String, succeeded: Bool, at: Date) {
        self.account = account
        self.network = network
        self.succeeded = succeeded
        self.at = at
    }
}
