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

    /// Records an attempt before the password is checked, then counts: of many attempts sent
    /// at once, only those counted within the limit go on to bcrypt (a check made before and a
    /// record made after the slow verification would let them all through). Returns the
    /// attempt's id, or the seconds to wait when over a limit (the attempt is then not kept).
    func begin(account: String, network: String, now: Date, on db: any Database) async throws -> Result<UUID, Held> {
        let attempt = LoginAttemptModel(account: account, network: network, succeeded: false, at: now)
        try await attempt.create(on: db)
        let id = try attempt.requireID()
        let since = now.addingTimeInterval(-window)
        var accountSince = since
        if let success = try await LoginAttemptModel.query(on: db).filter(\.$account == account)
            .filter(\.$succeeded == true).filter(\.$at >= since).sort(\.$at, .descending).first() {
            accountSince = success.at
        }
        let accountFailures = try await LoginAttemptModel.query(on: db).filter(\.$account == account)
            .filter(\.$succeeded == false).filter(\.$at >= accountSince).sort(\.$at).all(\.$at)
        let networkFailures = try await LoginAttemptModel.query(on: db).filter(\.$network == network)
            .filter(\.$succeeded == false).filter(\.$at >= since).sort(\.$at).all(\.$at)
        var wait: TimeInterval = 0
        // Each list includes this attempt: the (limit + 1)th attempt within the window is held.
        if accountFailures.count > perAccount, let oldest = accountFailures.suffix(perAccount + 1).first {
            wait = max(wait, oldest.addingTimeInterval(window).timeIntervalSince(now))
        }
        if networkFailures.count > perNetwork, let oldest = networkFailures.suffix(perNetwork + 1).first {
            wait = max(wait, oldest.addingTimeInterval(window).timeIntervalSince(now))
        }
        guard wait <= 0 else {
            try await attempt.delete(on: db)
            return .failure(Held(seconds: max(1, Int(wait.rounded(.up)))))
        }
        // Old attempts are of no further use; drop them now and then.
        if Int.random(in: 0..<50) == 0 {
            try await LoginAttemptModel.query(on: db).filter(\.$at < now.addingTimeInterval(-2 * window)).delete()
        }
        return .success(id)
    }

    /// Marks an attempt that turned out to be right.
    func succeeded(_ id: UUID, on db: any Database) async throws {
        try await LoginAttemptModel.query(on: db).filter(\.$id == id).set(\.$succeeded, to: true).update()
    }

    struct Held: Error {
        var seconds: Int
    }
}
