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
        let existing = try await SubscriberModel.query(on: db).filter(\.$email == email.value).first()
        if let existing, existing.state == .confirmed { return }
        let subscriber = existing ?? SubscriberModel(email: email.value)
        let (token, hash) = NewsletterTokens.confirmation()
        subscriber.state = .pending
        subscriber.confirmHash = hash
        subscriber.confirmExpiresAt = Date().addingTimeInterval(confirmationLifetime)
        try await subscriber.save(on: db)
        let envelope = Mailer.confirmation(to: email, token: token, mail: app.mail)
        let logger = app.logger
        let transport = app.mail.transport
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
    static func confirm(token: String, on db: any Database) async throws -> Bool {
        guard token.count >= 20, token.count <= 100 else { return false }
        guard let subscriber = try await SubscriberModel.query(on: db)
            .filter(\.$confirmHash == SiteCrypto.sha256Hex(token)).first(),
              let expires = subscriber.confirmExpiresAt, expires > Date() else { return false }
        subscriber.state = .confirmed
        subscriber.confirmHash = nil
        subscriber.confirmExpiresAt = nil
        subscriber.confirmedAt = Date()
        try await subscriber.save(on: db)
        return true
    }

    /// One-click unsubscribe: valid for any state, idempotent.
    static func unsubscribe(id: UUID, token: String, key: SymmetricKey, on db: any Database) async throws -> Bool {
        guard NewsletterTokens.verifyUnsubscribe(id, token: token, key: key),
              let subscriber = try await SubscriberModel.find(id, on: db) else { return false }
        if subscriber.state != .unsubscribed {
            subscriber.state = .unsubscribed
            subscriber.unsubscribedAt = Date()
            try await subscriber.save(on: db)
        }
        return true
    }
}
