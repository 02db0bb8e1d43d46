import Fluent
import Foundation
import Vapor

/// Login attempts are limited per account and per network, counted in the database so the
/// limit holds across app servers (ASVS 2.2.1).
///
/// The per-account limit holds for every browser. A browser that signed in to the account
/// before (a `DeviceCookie`) is counted apart from its network, and may fail a few more times
/// than an unknown browser before the account holds it too: failures an anonymous attacker
/// sends stop at `perAccount`, so they can never reach the known device's limit, while anyone
/// holding (or forging) device cookies is still held after `perAccount + knownDeviceAllowance`.
struct LoginThrottle: Sendable {
    /// Failed attempts on one account within `window` before browsers it does not know are held.
    var perAccount = 5
    /// Further failures on the account within `window` a known device may still make; beyond
    /// them every browser is held, however many device cookies it shows.
    var knownDeviceAllowance = 5
    /// Failed attempts from one network (or one known device) within `window` before it is held.
    var perNetwork = 20
    var window: TimeInterval = 15 * 60

    /// Records an attempt before the password is checked, then counts: of many attempts sent
    /// at once, only those counted within the limit go on to bcrypt (a check made before and a
    /// record made after the slow verification would let them all through). Returns the
    /// attempt's id, or the seconds to wait when over a limit (the attempt is then not kept).
    /// `device` is the id of a verified device cookie for this account; `random` decides when
    /// old attempts are pruned.
    func begin(
        account: String, device: String?, network: String, now: Date, random: RandomSource, on db: any Database
    ) async throws -> Result<UUID, Held> {
        // A known device is its own "network": a shared proxy's failures do not hold it.
        let source = device.map { "device:\($0)" } ?? network
        let id = try await LoginAttemptModel.record(account: account, network: source, at: now, on: db)
        let since = now.addingTimeInterval(-window)
        // A success resets the account's count: only failures after it are held against it.
        let accountSince = try await LoginAttemptModel.lastSuccess(account: account, since: since, on: db) ?? since
        let accountFailures = try await LoginAttemptModel.failures(account: account, since: accountSince, on: db)
        let sourceFailures = try await LoginAttemptModel.failures(network: source, since: since, on: db)
        let accountLimit = device == nil ? perAccount : perAccount + knownDeviceAllowance
        let wait = max(wait(accountFailures, limit: accountLimit, now: now), wait(sourceFailures, limit: perNetwork, now: now))
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

    /// Seconds until the oldest of the last `limit + 1` failures leaves the window, when there
    /// are more than `limit` (the list includes this attempt: the (limit + 1)th is held).
    private func wait(_ failures: [Date], limit: Int, now: Date) -> TimeInterval {
        guard failures.count > limit, let oldest = failures.suffix(limit + 1).first else { return 0 }
        return oldest.addingTimeInterval(window).timeIntervalSince(now)
    }

    /// Marks an attempt that turned out to be right.
    func succeeded(_ id: UUID, on db: any Database) async throws {
        try await LoginAttemptModel.markSucceeded(id, on: db)
    }

    struct Held: Error {
        var seconds: Int
    }
}
