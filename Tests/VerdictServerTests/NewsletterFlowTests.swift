import Fluent
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Runs `body` with an app whose mail goes to a recording transport.
func withNewsletter(_ transport: RecordingTransport = RecordingTransport(), _ body: (Application, RecordingTransport) async throws -> Void)
    async throws
{
    try await withTestApp { app in
        app.dependencies.mailTransport = transport
        // Flows subscribe many addresses from one (in-memory) network; abuse tests set their own.
        app.settings.subscribesPerNetworkPerHour = 1_000_000
        try await body(app, transport)
    }
}

/// Waits for background mail (confirmations go out off the request path).
func eventually(_ condition: @escaping () -> Bool) async throws {
    for _ in 0..<1000 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
}

extension Application {
    /// Subscribes and confirms `email` the way a reader would; returns the subscriber.
    func confirmedSubscriber(_ email: String, transport: RecordingTransport) async throws -> SubscriberModel {
        let before = transport.envelopes.count
        let res = try await send(.POST, "/api/v1/subscribers", json: #"{"email":"\#(email)"}"#)
        #expect(res.status == .accepted)
        try await eventually { transport.envelopes.count > before }
        let mail = quotedPrintableDecoded(try #require(transport.envelopes.last).data)
        let token = try #require(mail.firstMatch(of: /confirm\?token=([A-Za-z0-9_=\-]+)/)?.1)
        #expect(try await send(.GET, "/newsletter/confirm?token=\(token)").status == .ok)
        #expect(try await send(.POST, "/newsletter/confirm", form: "token=\(token)").status == .ok)
        return try #require(try await SubscriberModel.query(on: db).filter(\.$email == email).first())
    }
}

@Suite("Newsletter: double opt-in, digest, one-click unsubscribe, resumable sends")
struct NewsletterFlowTests {
    @Test("Subscribing needs a confirmed link; the answer never reveals the address's state")
    func doubleOptIn() async throws {
        try await withNewsletter { app, transport in
            let sub = try await app.confirmedSubscriber("reader@example.com", transport: transport)
            #expect(sub.state == .confirmed)
            // Subscribing again: the same answer, and no mail to a confirmed address.
            let again = try await app.send(.POST, "/api/v1/subscribers", json: #"{"email":"reader@example.com"}"#)
            let fresh = try await app.send(.POST, "/api/v1/subscribers", json: #"{"email":"new@example.com"}"#)
            #expect(again.status == fresh.status && again.text == fresh.text)
            try await eventually { transport.envelopes.count == 2 }
            #expect(transport.envelopes.map(\.to) == ["reader@example.com", "new@example.com"])
            #expect(try await app.send(.POST, "/api/v1/subscribers", json: #"{"email":"not an address"}"#).status == .badRequest)
            #expect(try await app.send(.POST, "/api/v1/subscribers", json: #"{"email":"a@b.com\r\nBcc: x@y.com"}"#).status == .badRequest)
        }
    }

    @Test("A confirmation link works once")
    func singleUse() async throws {
        try await withNewsletter { app, transport in
            _ = try await app.send(.POST, "/api/v1/subscribers", json: #"{"email":"once@example.com"}"#)
            try await eventually { !transport.envelopes.isEmpty }
            let token = try #require(
                quotedPrintableDecoded(transport.envelopes[0].data).firstMatch(of: /confirm\?token=([A-Za-z0-9_=\-]+)/)?.1)
            #expect(try await app.send(.POST, "/newsletter/confirm", form: "token=\(token)").status == .ok)
            #expect(try await app.send(.POST, "/newsletter/confirm", form: "token=\(token)").status == .gone)
            #expect(try await app.send(.POST, "/newsletter/confirm", form: "token=forged-token-forged-token").status == .gone)
        }
    }

    @Test("Every digest is multipart with RFC 8058 headers; one-click unsubscribe works without cookies")
    func digestAndUnsubscribe() async throws {
        try await withNewsletter { app, transport in
            _ = try await app.importYAML(Catalogs.two)
            let alice = try await app.confirmedSubscriber("alice@example.com", transport: transport)
            _ = try await app.confirmedSubscriber("bob@example.com", transport: transport)
            let week = ISOWeek.containing(Date())
            let issue = try await Composer.compose(week: week, app: app)
            let report = try await Sender(app: app).send(issue)
            #expect(report.sent == 2 && report.remaining == 0)
            let digests = transport.envelopes.filter { $0.data.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click") }
            #expect(digests.count == 2)
            let mail = try #require(digests.first { $0.to == "alice@example.com" }).data
            #expect(mail.contains("multipart/alternative") && mail.contains("text/plain") && mail.contains("text/html"))
            let link = try #require(mail.firstMatch(of: /List-Unsubscribe: <([^>]+)>/)?.1)
            let path = String(link.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" })
            let res = try await app.send(.POST, path)
            #expect(res.status == .ok)
            #expect(try await SubscriberModel.find(alice.id, on: app.db)?.state == .unsubscribed)
            // Tampered token: refused.
            #expect(try await app.send(.POST, path.replacingOccurrences(of: "&t=", with: "&t=x")).status == .notFound)
            // The issue is archived publicly, without anyone's unsubscribe link.
            let archive = try await app.send(.GET, "/newsletter/\(week)")
            #expect(archive.status == .ok && !archive.text.contains("/newsletter/unsubscribe?s="))
            // Rendered as a page with working links, not as preformatted text.
            #expect(archive.text.contains(#"<div class="digest-text">"#) && archive.text.contains(#"<a href="http"#))
        }
    }

    @Test("A send interrupted halfway and run again mails everyone exactly once; 4xx retried, 5xx marked")
    func resumable() async throws {
        // First run: the server goes away after 12 recipients (every later one gets 421).
        let flaky = RecordingTransport { _, index in index < 12 + 20 ? .delivered : .temporaryFailure(code: 421, message: "closing") }
        try await withNewsletter(flaky) { app, transport in
            for i in 0..<20 { _ = try await app.confirmedSubscriber("r\(i)@example.com", transport: transport) }
            let issue = try await Composer.compose(week: ISOWeek.containing(Date()), app: app)
            var sender = Sender(app: app)
            sender.batchSize = 5
            let first = try await sender.send(issue)
            #expect(first.sent == 12 && first.remaining == 8 && first.temporary == 24)
            // Second run: the first address it tries fails permanently, the rest are delivered.
            let good = RecordingTransport { _, index in index == 0 ? .permanentFailure(code: 550, message: "no such user") : .delivered }
            app.dependencies.mailTransport = good
            let second = try await sender.send(issue)
            #expect(second.sent == 7 && second.permanent == 1 && second.remaining == 0)
            let bounced = try #require(good.envelopes.first).to
            let firstDelivered = transport.envelopes.suffix(from: 20).prefix(12).map(\.to)
            let all = firstDelivered + good.envelopes.dropFirst().map(\.to)
            #expect(all.count == 19 && Set(all).count == 19 && !all.contains(bounced))
            #expect(try await SubscriberModel.query(on: app.db).filter(\.$email == bounced).first()?.state == .bounced)
            // A third run sends nothing.
            #expect(try await sender.send(issue).sent == 0)
        }
    }
}
