import Fluent
import Foundation

extension VoterModel {
    /// How many voters one network minted since `since`.
    static func minted(network: String, since: Date, on db: any Database) async throws -> Int {
        try await VoterModel.query(on: db).filter(\.$network == network).filter(\.$createdAt >= since).count()
    }
}
