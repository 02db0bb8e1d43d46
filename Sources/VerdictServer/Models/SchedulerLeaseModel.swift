import Fluent
import Foundation

/// A named lease: `holder` may do the work it names until `expires_at`.
final class SchedulerLeaseModel: Model, @unchecked Sendable {
    static let schema = "scheduler_leases"

    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "holder") var holder: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
