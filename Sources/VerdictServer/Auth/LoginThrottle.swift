import Fluent
import Foundation
import Vapor

/// Login attempts are limited per account and per network, counted in the database so the
/// limit holds across app servers (ASVS 2.2.1).
struct LoginThrottle: Sendable {
    /// Failed attempts on one account within `window` before it is held.
    var perAccount = 5
    /// Failed attempts from one network within `window` before it is held.
    var perNetwork = 20
    var window: TimeInterval = 15 * 60

    /// Seconds until another attempt is allowed, or nil when one is allowed now.
    func retryAfter(account: String, network: String, now: Date, on db: any Database) async throws -> Int? {
        let since = now.addingTimeInterval(-window)
        var accountSince = since
        if let success = try await LoginAttemptModel.query(on: db).filter(\.$account == account)
            .filter(\.$succeeded == true).filter(\.$at >= since).sort(\.$at, .descending).first() {
            accountSince = success.at
        }
        let accountFailures = try await LoginAttemptModel.query(on: db).filter(\.$account == account)
            .filter(\.$succeeded == false).filter(\.$at > accountSince).sort(\.$at).all(\.$at)
        let networkFailures = try await LoginAttemptModel.query(on: db).filter(\.$network == network)
            .filter(\.$succeeded == false).filter(\.$at > since).sort(\.$at).all(\.$at)
        var wait: TimeInterval = 0
        if accountFailures.count >= perAccount, let oldest = accountFailures.suffix(perAccount).first {
            wait = max(wait, oldest.addingTimeInterval(window).timeIntervalSince(now))
        }
        if networkFailures.count >= perNetwork, let oldest = networkFailures.suffix(perNetwork).first {
            wait = max(wait, oldest.addingTimeInterval(window).timeIntervalSince(now))
        }
        return wait > 0 ? Int(wait.rounded(.up)) : nil
    }

    func record(account: String, network: String, succeeded: Bool, now: Date, on db: any Database) async throws {
        try await LoginAttemptModel(account: account, network: network, succeeded: succeeded, at: now).create(on: db)
        // Old attempts are of no further use; drop them now and then.
        if Int.random(in: 0..<50) == 0 {
            try await LoginAttemptModel.query(on: db).filter(\.$at < now.addingTimeInterval(-2 * window)).delete()
        }
    }
}
