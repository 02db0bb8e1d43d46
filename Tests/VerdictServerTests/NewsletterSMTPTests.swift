import Fluent
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

// The newsletter end to end over real SMTP: readers confirm (confirmation mail recorded in
// memory), then the digest goes through NIOSMTPTransport to Fixtures/smtp_sink.py (aiosmtpd)
// on loopback, and Python's `email` package reads what arrived. Needs the same Python as
// SMTPTests: `python3 -m venv .venv && .venv/bin/pip install aiosmtpd`, then
// `swift test --filter NewsletterSMTPTests`.

@Suite(
    "Newsletter delivered over SMTP to a real server on loopback",
    .enabled(if: SMTPSink.python != nil, SMTPSink.skipReason))
struct NewsletterSMTPTests {
    @Test("Digests arrive multipart with RFC 8058 headers; the link unsubscribes; 451 waits, 550 bounces")
    func endToEnd() async throws {
        let sink = try await SMTPSink.start([
            "--tempfail", "busy@example.com", "--permfail", "gone@example.com",
        ])
        defer { sink.stop() }
        try await withNewsletter { app, confirmations in
            // setup
            _ = try await app.importYAML(Catalogs.two)
            let readers = ["alice@example.com", "bob@example.com"]
            var subscribers: [String: SubscriberModel] = [:]
            for email in readers + ["busy@example.com", "gone@example.com"] {
                subscribers[email] = try await app.confirmedSubscriber(email, transport: confirmations)
            }
            app.dependencies.mailTransport = try NIOSMTPTransport(config: sink.config())
            let issue = try await Composer.compose(week: .containing(Date()), app: app)
            // MUT
            let report = try await Sender(app: app).send(issue)
            // validate
            #expect(report.sent == 2 && report.permanent == 1 && report.remaining == 1)
            let received = try sink.received()
            #expect(received.flatMap(\.to).sorted() == readers)
            var links: [String: String] = [:]
            for mail in received {
                let to = try #require(mail.to.first)
                links[to] = try checkDigest(mail.eml, to: to, subject: issue.subject, sink: sink)
            }

            // One-click: a bare POST (no cookies) to alice's URL; a forged token for bob fails.
            let alice = try #require(links["alice@example.com"])
            let res = try await app.send(.POST, try pathAndQuery(alice))
            #expect(res.status == .ok)
            #expect(try await state(of: "alice@example.com", app) == .unsubscribed)
            let bob = try pathAndQuery(try #require(links["bob@example.com"]))
            let forged = try #require(bob.firstMatch(of: /&t=(.)/))
            let other = forged.1 == "A" ? "B" : "A"  // the first character: every bit of it counts
            let tampered = bob.replacingCharacters(in: forged.range, with: "&t=\(other)")
            #expect(try await app.send(.POST, tampered).status == .notFound)
            let swapped = bob.replacing(/s=[0-9a-f-]+/, with: "s=\(subscribers["alice@example.com"]!.id!.uuidString.lowercased())")
            #expect(try await app.send(.POST, swapped).status == .notFound, "bob's token on alice's id")
            #expect(try await state(of: "bob@example.com", app) == .confirmed)

            // 451: still pending for the next run; 550: delivery failed, subscriber bounced.
            let rows = try await deliveries(app)
            #expect(rows["busy@example.com"]?.state == "pending")
            #expect(rows["busy@example.com"]?.lastError?.hasPrefix("451") == true)
            #expect(try await state(of: "busy@example.com", app) == .confirmed)
            #expect(rows["gone@example.com"]?.state == "failed")
            #expect(try await state(of: "gone@example.com", app) == .bounced)
            #expect(rows.values.filter { $0.state == "sent" }.count == 2)

            // A second run retries only busy (451 again) and delivers nothing new.
            let again = try await Sender(app: app).send(issue)
            #expect(again.sent == 0 && again.permanent == 0 && again.remaining == 1)
            #expect(try sink.received().count == received.count)
            #expect(try await NewsletterIssueModel.find(issue.id, on: app.db)?.sentAt == nil, "not sent while busy is pending")
        }
    }

    @Test("A send cut off by 421 after four messages resumes on a healthy server: one copy each")
    func resumeAfterServiceClosing() async throws {
        try await withNewsletter { app, confirmations in
            // setup
            _ = try await app.importYAML(Catalogs.two)
            let readers = (0..<10).map { "r\($0)@example.com" }
            for email in readers { _ = try await app.confirmedSubscriber(email, transport: confirmations) }
            let issue = try await Composer.compose(week: .containing(Date()), app: app)
            // A first run that finds no server creates every delivery row and sends nothing;
            // rows go out in id order, so we can aim the sink's 421 at the fifth message.
            let closed = try await Loopback.closedPort()
            app.dependencies.mailTransport = try NIOSMTPTransport(config: .parse("smtp://127.0.0.1:\(closed)"))
            let down = try await Sender(app: app).send(issue)
            #expect(down.sent == 0 && down.remaining == readers.count)
            let order = try await DeliveryModel.query(on: app.db).with(\.$subscriber).sort(\.$id).all()
                .map(\.subscriber.email)
            let n = 4
            let flaky = try await SMTPSink.start(["--closing", order[n]])
            defer { flaky.stop() }
            let healthy = try await SMTPSink.start()
            defer { healthy.stop() }
            // MUT
            app.dependencies.mailTransport = try NIOSMTPTransport(config: flaky.config())
            let first = try await Sender(app: app).send(issue)
            app.dependencies.mailTransport = try NIOSMTPTransport(config: healthy.config())
            let second = try await Sender(app: app).send(issue)
            let third = try await Sender(app: app).send(issue)
            // validate
            #expect(first.sent == n && first.remaining == readers.count - n)
            #expect(second.sent == readers.count - n && second.remaining == 0)
            #expect(third == Sender.Report())
            let before = try flaky.received().flatMap(\.to)
            let after = try healthy.received().flatMap(\.to)
            #expect(before == Array(order.prefix(n)))
            #expect((before + after).sorted() == readers.sorted(), "every reader exactly once")
            #expect(try await NewsletterIssueModel.find(issue.id, on: app.db)?.sentAt != nil)
        }
    }
}

// MARK: - Helpers

/// Checks one received digest as Python's `email` package reads it; returns its unsubscribe URL.
private func checkDigest(_ eml: URL, to: String, subject: String, sink: SMTPSink) throws -> String {
    let headers = try sink.parse(eml).headers
    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
    for name in ["From", "To", "Subject", "Date", "Message-ID"] {
        #expect(header(name)?.isEmpty == false, "\(name) in the mail to \(to)")
    }
    #expect(header("To") == to)
    #expect(header("Subject") == subject)
    #expect(header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
    let listUnsubscribe = try #require(header("List-Unsubscribe"))
    let url = String(try #require(listUnsubscribe.wholeMatch(of: /<(https?:\/\/[^<>\s]+)>/)).1)

    let mime = try MIMEView.read(eml)
    #expect(mime.type == "multipart/alternative")
    #expect(mime.dateParsed, "Date is an RFC 5322 date")
    #expect(mime.longestLine <= 998, "RFC 5322 line limit")
    #expect(mime.parts.map(\.type) == ["text/plain", "text/html"])
    for part in mime.parts {
        #expect(part.text.contains(DigestMail.title), "\(part.type) names the newsletter")
        // In HTML the URL's "&" is written "&amp;", as HTML requires.
        let expected = part.type == "text/html" ? HTMLText.escape(url) : url
        #expect(part.text.contains(expected), "\(part.type) carries the unsubscribe URL")
    }
    #expect(mime.hrefs.contains(url), "the HTML links to the same unsubscribe URL")
    return url
}

/// "/newsletter/unsubscribe?s=…&t=…" from the absolute URL, to send to the in-memory app.
private func pathAndQuery(_ url: String) throws -> String {
    let components = try #require(URLComponents(string: url))
    return components.percentEncodedPath + "?" + (try #require(components.percentEncodedQuery))
}

private func state(of email: String, _ app: Application) async throws -> SubscriberModel.State? {
    try await SubscriberModel.query(on: app.db).filter(\.$email == email).first()?.state
}

private func deliveries(_ app: Application) async throws -> [String: DeliveryModel] {
    let rows = try await DeliveryModel.query(on: app.db).with(\.$subscriber).all()
    return Dictionary(uniqueKeysWithValues: rows.map { ($0.subscriber.email, $0) })
}

/// The MIME structure of a saved message as Python's `email` package sees it: each leaf part
/// decoded (quoted-printable undone, charset applied), and the links of the HTML part.
private struct MIMEView: Decodable {
    struct Part: Decodable { var type: String, text: String }
    var type: String
    var parts: [Part]
    var hrefs: [String]
    var dateParsed: Bool
    var longestLine: Int

    static let script = #"""
        import email, email.policy, json, sys
        from html.parser import HTMLParser
        raw = open(sys.argv[1], "rb").read()
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parts = [{"type": p.get_content_type(), "text": p.get_content()}
                 for p in msg.walk() if not p.is_multipart()]
        hrefs = []
        class Links(HTMLParser):
            def handle_starttag(self, tag, attrs):
                hrefs.extend(v for k, v in attrs if tag == "a" and k == "href")
        for p in parts:
            if p["type"] == "text/html":
                Links().feed(p["text"])
        print(json.dumps({"type": msg.get_content_type(), "parts": parts, "hrefs": hrefs,
                          "dateParsed": msg["Date"] is not None and msg["Date"].datetime is not None,
                          "longestLine": max(len(l) for l in raw.split(b"\r\n"))}))
        """#

    static func read(_ eml: URL) throws -> MIMEView {
        let result = try SMTPSink.run(try #require(SMTPSink.python), ["-c", script, eml.path])
        try #require(result.status == 0, "python could not parse \(eml.path)")
        return try JSONDecoder().decode(MIMEView.self, from: result.output)
    }
}
