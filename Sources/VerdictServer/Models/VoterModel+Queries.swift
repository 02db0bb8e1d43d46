import Fluent
import Foundation

extension VoterModel {
    /// How many voters one network minted since `since`.
    static func minted(network: String, since: Date, on db: any Database) async throws -> Int {
        try await VoterModel.query(on: db).filter(\.$network == network).filter(\.$createdAt >= since).count()
    }

    /// Stores a voter id this site issued.
    static func record(_ voter: String, network: String, counted: Bool, at: Date, on db: any Database) async throws {
        try await VoterModel(id: voter, network: network, counted: counted, createdAt: at).create(on: db)
    }

    /// Whether the voter's votes count; nil when the voter is not on record.
    static func isCounted(_ voter: String, on db: any Database) async throws -> Bool? {
        try await VoterModel.find(voter, on: db)?.counted
    }
}
