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
    /// `random` decides when old attempts are pruned.
    func begin(
        account: String, network: String, now: Date, random: RandomSource, on db: any Database
    ) async throws -> Result<UUID, Held> {
        let id = try await LoginAttemptModel.record(account: account, network: network, at: now, on: db)
        let since = now.addingTimeInterval(-window)
        // A success resets the account's count: only failures after it are held against it.
        let accountSince = try await LoginAttemptModel.lastSuccess(account: account, since: since, on: db) ?? since
        let accountFailures = try await LoginAttemptModel.failures(account: account, since: accountSince, on: db)
        let networkFailures = try await LoginAttemptModel.failures(network: network, since: since, on: db)
        var wait: TimeInterval = 0
        // Each list includes this attempt: the (limit + 1)th attempt within the window is held.
        if accountFailures.count > perAccount, let oldest = accountFailures.suffix(perAccount + 1).first {
            wait = max(wait, oldest.addingTimeInterval(window).timeIntervalSince(now))
        }
        if networkFailures.count > perNetwork, let oldest = networkFailures.suffix(perNetwork + 1).first {
            wait = max(wait, oldest.addingTimeInterval(window).timeIntervalSince(now))
        }
        guard wait <= 0 else {
            try await LoginAttemptModel.forget(id, on: db)
            return .failure(Held(seconds: max(1, Int(wait.rounded(.up)))))
        }
        // Old attempts are of no further use; drop them now and then.
        if random.int(in: 0..<50) == 0 {
            try await LoginAttemptModel.prune(before: now.addingTimeInterval(-2 * window), on: db)
        }
        return .success(id)
    }

    /// Marks an attempt that turned out to be right.
    func succeeded(_ id: UUID, on db: any Database) async throws {
        try await LoginAttemptModel.markSucceeded(id, on: db)
    }

    struct Held: Error {
        var seconds: Int
    }
}
