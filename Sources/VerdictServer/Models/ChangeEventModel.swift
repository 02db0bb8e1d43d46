import Fluent
import Foundation

/// One write's cache tags, for the other app servers to apply; see `SiteChanges`.
final class ChangeEventModel: Model, @unchecked Sendable {
    static let schema = "change_events"

    @ID(custom: "id", generatedBy: .database) var id: Int64?
    /// The process that made the change; it has applied the change already.
    @Field(key: "origin") var origin: String
    /// `CacheScope.encoded`.
    @Field(key: "scope") var scope: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(origin: String, scope: String, createdAt: Date) {
        self.origin = origin
        self.scope = scope
        self.createdAt = createdAt
    }
}
