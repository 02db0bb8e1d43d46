import Fluent
import Plot
import Vapor
import VerdictCore

/// Subscribe, confirm, one-click unsubscribe, and the public archive.
struct NewsletterController {
    private struct EmailBody: Content { var email: String }
    private struct TokenBody: Content { var token: String }

    /// `POST /newsletter/subscribe` (form) — the same answer whatever the address's state; 429
    /// when the network has subscribed too often.
    func subscribeForm(req: Request) async throws -> Response {
        try await Subscriptions.admit(req)
        guard let body = try? req.content.decode(EmailBody.self), let email = EmailAddress(body.email) else {
            return NewsletterPage.message("That address does not look right", "Check the email address and try again.", status: 400)
                .response(status: .badRequest)
        }
        try await Subscriptions.subscribeInFixedTime(email, app: req.application)
        return NewsletterPage.message(
            "Check your inbox", "If the address can receive mail, a confirmation link is on its way. Nothing is sent until you confirm."
        ).response()
    }

    /// `POST /api/v1/subscribers` with `{"email":"…"}` → 202, never revealing prior state.
    func subscribeAPI(req: Request) async throws -> Response {
        try await Subscriptions.admit(req)
        guard let body = try? req.content.decode(EmailBody.self) else {
            throw Abort(.badRequest, reason: #"Expected a JSON body {"email":"you@example.com"}"#)
        }
        guard let email = EmailAddress(body.email) else { throw Abort(.badRequest, reason: "'email' is not a valid email address") }
        try await Subscriptions.subscribeInFixedTime(email, app: req.application)
        let res = Response(status: .accepted)
        try res.content.encode(["status": "check your inbox to confirm"], as: .json)
        return res
    }

    func confirmPage(req: Request) async throws -> Response {
        guard let token = req.queryValue("token"), token.count <= 100 else {
            throw Abort(.notFound, reason: "That confirmation link is incomplete.")
        }
        return NewsletterPage.confirm(token: token).response()
    }

    func confirm(req: Request) async throws -> Response {
        guard let body = try? req.content.decode(TokenBody.self),
            try await Subscriptions.confirm(token: body.token, now: req.dependencies.clock.now(), on: req.db)
        else {
            return NewsletterPage.message("That link has expired or was used", "Subscribe again to get a fresh confirmation link.")
                .response(status: .gone)
        }
        return NewsletterPage.message("You are subscribed", "The next weekly digest of AI tool verdicts comes to your inbox.").response()
    }

    /// `GET` shows a button; `POST` (RFC 8058 one-click, no cookies, no redirect) unsubscribes.
    func unsubscribePage(req: Request) async throws -> Response {
        _ = try unsubscribeTarget(req)
        return NewsletterPage.unsubscribe(action: req.url.string).response()
    }

    func unsubscribe(req: Request) async throws -> Response {
        let (id, token) = try unsubscribeTarget(req)
        guard let key = req.verdict.signingKey,
            try await Subscriptions.unsubscribe(id: id, token: token, key: key, now: req.dependencies.clock.now(), on: req.db)
        else {
            throw Abort(.notFound, reason: "That unsubscribe link is not valid.")
        }
        return NewsletterPage.message("You have left", "No more digests go to this address.").response()
    }

    func archive(req: Request) async throws -> CachedAnswer {
        CachedAnswer { db in
            let issues = try await NewsletterIssueModel.allSent(on: db)
            return .html(NewsletterPage.archive(issues.map { ($0.week, $0.subject) }).render(), tags: [.newsletter])
        }
    }

    func issue(req: Request) async throws -> CachedAnswer {
        let week = try req.parameters.require("week")
        return CachedAnswer { db in
            guard let issue = try await NewsletterIssueModel.sent(week: week, on: db) else {
                throw Abort(.notFound, reason: "There is no sent issue for \(week).")
            }
            let page = NewsletterPage.issue(week: week, subject: issue.subject, text: Self.publicText(issue), preview: false)
            return .html(page.render(), tags: [.newsletter])
        }
    }

    /// `/newsletter/preview/{week}?sig=…`: operators only, by the signed link `compose` prints.
    func preview(req: Request) async throws -> Response {
        let week = try req.parameters.require("week")
        guard let key = req.verdict.signingKey, let sig = req.queryValue("sig"),
            NewsletterTokens.verifyPreview(week, token: sig, key: key),
            let issue = try await NewsletterIssueModel.find(week: week, on: req.db)
        else {
            throw Abort(.notFound, reason: "No preview here.")
        }
        return NewsletterPage.issue(week: week, subject: issue.subject, text: Self.publicText(issue), preview: true).response()
    }

    private static func publicText(_ issue: NewsletterIssueModel) -> String {
        issue.textBody.replacingOccurrences(of: DigestPlaceholder.unsubscribe, with: "(your own unsubscribe link)")
    }

    private func unsubscribeTarget(_ req: Request) throws -> (UUID, String) {
        guard let s = req.queryValue("s"), let id = UUID(uuidString: s), let t = req.queryValue("t") else {
            throw Abort(.notFound, reason: "That unsubscribe link is incomplete.")
        }
        return (id, t)
    }
}
