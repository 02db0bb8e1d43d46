import Fluent
import Foundation

/// A voter id this site issued: which network minted it (hashed) and whether its votes count.
final class VoterModel: Model, @unchecked Sendable {
    static let schema = "voters"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "network") var network: String
    @Field(key: "counted") var counted: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: String, network: String, counted: Bool, createdAt: Date) {
        self.id = id
        self.network = network
        self.counted = counted
        self.createdAt = createdAt
    }
}
