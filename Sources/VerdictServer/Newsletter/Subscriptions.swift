import Fluent
import Foundation
import Vapor
import VerdictCore

/// Subscribing (double opt-in), confirming and leaving.
enum Subscriptions {
    static let confirmationLifetime: TimeInterval = 48 * 3600
    /// At most one confirmation mail per address in this long, however often it is asked for.
    static let resendInterval: TimeInterval = 10 * 60

    /// Starts a subscription, or mails the pending one's link again (the same link, at most once
    /// per `resendInterval`). The work is the same whatever the address's state — one upsert of
    /// its row — and the mail is built and sent in the background, so neither the answer nor its
    /// timing tells whether the address was known. The caller checks the network limit first.
    /// Every subscribe is answered this long after it arrived, at the earliest: storing a new
    /// address costs a little more than refreshing a known one (an insert against an update, a
    /// mail queued), and a fixed answer time hides that difference from anyone timing answers.
    static let answerTime: Duration = .milliseconds(40)

    /// `subscribe`, returning no sooner than `answerTime` after it was called.
    static func subscribeInFixedTime(_ email: EmailAddress, app: Application) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: answerTime)
        try await subscribe(email, app: app)
        try await clock.sleep(until: deadline)
    }

    static func subscribe(_ email: EmailAddress, app: Application) async throws {
        guard let key = app.verdict.signingKey else { throw Abort(.serviceUnavailable, reason: "Database not prepared") }
        let now = app.dependencies.clock.now()
        let nonce = SiteCrypto.generate()
        let claim = SiteCrypto.generate()
        let request = ConfirmationRequest(
            email: email.value, nonce: nonce,
            confirmHash: SiteCrypto.sha256Hex(NewsletterTokens.confirmation(email: email.value, nonce: nonce, key: key)),
            claim: claim, now: now, resendAfter: now.addingTimeInterval(-resendInterval),
            expiresAt: now.addingTimeInterval(confirmationLifetime))
        guard let mailNonce = try await SubscriberModel.requestConfirmation(request, on: app.db) else { return }
        let (mail, transport, logger) = (app.mail, app.dependencies.mailTransport, app.logger)
        Task {
            let token = NewsletterTokens.confirmation(email: email.value, nonce: mailNonce, key: key)
            let envelope = Mailer.confirmation(to: email, token: token, mail: mail, date: now, idSeed: claim)
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
