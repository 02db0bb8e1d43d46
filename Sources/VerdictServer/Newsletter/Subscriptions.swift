import Fluent
import Foundation
import Vapor
import VerdictCore

/// Subscribing (double opt-in), confirming and leaving.
enum Subscriptions {
    static let confirmationLifetime: TimeInterval = 48 * 3600

    /// Starts a subscription, or re-sends the confirmation for a pending one. Says nothing about
    /// whether the address was already subscribed: the caller answers the same in every case,
    /// and the mail goes out in the background so timing does not tell either.
    static func subscribe(_ email: EmailAddress, app: Application) async throws {
        let db = app.db
        let (token, hash) = NewsletterTokens.confirmation()
        let now = app.dependencies.clock.now()
        guard
            try await SubscriberModel.awaitConfirmation(
                email: email.value, confirmHash: hash, expiresAt: now.addingTimeInterval(confirmationLifetime), on: db)
        else { return }
        let envelope = Mailer.confirmation(to: email, token: token, mail: app.mail, date: now)
        let logger = app.logger
        let transport = app.dependencies.mailTransport
        Task {
            do {
                let result = try await transport.send([envelope])
                if result.first != .delivered { logger.warning("confirmation mail not delivered: \(String(describing: result.first))") }
            } catch {
                logger.warning("confirmation mail failed: \(error)")
            }
        }
    }

    /// Confirms the subscription this single-use token was issued for; false if unknown or expired.
    static func confirm(token: String, now: Date, on db: any Database) async throws -> Bool {
        guard token.count >= 20, token.count <= 100 else { return false }
        return try await SubscriberModel.confirm(confirmHash: SiteCrypto.sha256Hex(token), now: now, on: db)
    }

    /// One-click unsubscribe: valid for any state, idempotent.
    static func unsubscribe(id: UUID, token: String, key: SymmetricKey, now: Date, on db: any Database) async throws -> Bool {
        guard NewsletterTokens.verifyUnsubscribe(id, token: token, key: key) else { return false }
        return try await SubscriberModel.unsubscribe(id: id, now: now, on: db)
    }
}
