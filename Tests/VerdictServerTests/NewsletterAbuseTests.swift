import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import VerdictCore

@testable import VerdictServer

/// The confirmation links mailed so far, in order, as a reader would click them.
private func links(_ transport: RecordingTransport) -> [String] {
    transport.envelopes.compactMap { env in
        quotedPrintableDecoded(env.data).firstMatch(of: /confirm\?token=([A-Za-z0-9_=\-]+)/).map { String($0.1) }
    }
}

/// Gives background mail a moment to go out, for checks that none did.
private func settle() async throws { try await Task.sleep(for: .milliseconds(300)) }

private func subscribe(_ app: Application, _ email: String) async throws -> TestingHTTPResponse {
    try await app.send(.POST, "/api/v1/subscribers", json: #"{"email":"\#(email)"}"#)
}

private func confirm(_ app: Application, _ token: String) async throws -> HTTPStatus {
    try await app.send(.POST, "/newsletter/confirm", form: "token=\(token)").status
}

@Suite("Newsletter abuse: network limit, one mail per address per 10 minutes, single-use links, no oracle")
struct NewsletterAbuseTests {
    @Test("A second subscribe keeps the first link valid and mails nothing within 10 minutes")
    func repeatKeepsLink() async throws {
        try await withNewsletter { app, transport in
            #expect(try await subscribe(app, "twice@example.com").status == .accepted)
            try await eventually { transport.envelopes.count == 1 }
            for _ in 0..<5 { #expect(try await subscribe(app, "twice@example.com").status == .accepted) }
            try await settle()
            #expect(transport.envelopes.count == 1, "one pending address got \(transport.envelopes.count) mails in a minute")
            // Eleven minutes later a repeat mails again, and it is the same link.
            app.dependencies.clock = .fixed(TestApp.pinned.addingTimeInterval(11 * 60))
            _ = try await subscribe(app, "twice@example.com")
            try await eventually { transport.envelopes.count == 2 }
            let sent = links(transport)
            #expect(sent.count == 2 && sent[0] == sent[1])
            // The reader opens the first mail: it works, once.
            #expect(try await confirm(app, sent[0]) == .ok)
            #expect(try await confirm(app, sent[1]) == .gone)
        }
    }

    @Test("An expired link is replaced by a new one; the old one stays refused")
    func expiredLinkRotates() async throws {
        try await withNewsletter { app, transport in
            _ = try await subscribe(app, "late@example.com")
            try await eventually { transport.envelopes.count == 1 }
            app.dependencies.clock = .fixed(TestApp.pinned.addingTimeInterval(Subscriptions.confirmationLifetime + 60))
            let old = try #require(links(transport).first)
            #expect(try await confirm(app, old) == .gone)
            _ = try await subscribe(app, "late@example.com")
            try await eventually { transport.envelopes.count == 2 }
            let fresh = try #require(links(transport).last)
            #expect(fresh != old)
            #expect(try await confirm(app, old) == .gone)
            #expect(try await confirm(app, fresh) == .ok)
        }
    }

    @Test("20 concurrent confirmations of one link: exactly one succeeds")
    func concurrentConfirmations() async throws {
        try await withNewsletter { app, transport in
            _ = try await subscribe(app, "race@example.com")
            try await eventually { transport.envelopes.count == 1 }
            let token = try #require(links(transport).first)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<20 { group.addTask { try await confirm(app, token) } }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .gone }.count == 19)
        }
    }

    @Test("20 concurrent subscribes of one new address: all answered 202, one row, one mail")
    func concurrentSubscribes() async throws {
        try await withNewsletter { app, transport in
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<20 { group.addTask { try await subscribe(app, "burst@example.com").status } }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .accepted, count: 20))
            try await eventually { !transport.envelopes.isEmpty }
            try await settle()
            #expect(transport.envelopes.count == 1)
            #expect(try await SubscriberModel.query(on: app.db).filter(\.$email == "burst@example.com").count() == 1)
        }
    }

    @Test("Past the network's hourly subscribes: 429 with Retry-After, on the API and the form")
    func networkLimit() async throws {
        try await withNewsletter { app, _ in
            app.settings.subscribesPerNetworkPerHour = 3
            for i in 0..<3 { #expect(try await subscribe(app, "n\(i)@example.com").status == .accepted) }
            let refused = try await subscribe(app, "n3@example.com")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers.first(name: "Retry-After") == "3600")
            #expect(refused.json["error"] as? String == "Too many subscriptions from your network; try again in 60 minutes")
            let form = try await app.send(.POST, "/newsletter/subscribe", form: "email=n3%40example.com")
            #expect(form.status == .tooManyRequests && form.headers.first(name: "Retry-After") == "3600")
            // A known address is refused alike: the limit is checked before the address is read.
            #expect(try await subscribe(app, "n0@example.com").status == .tooManyRequests)
            app.dependencies.clock = .fixed(TestApp.pinned.addingTimeInterval(60 * 60))
            #expect(try await subscribe(app, "n3@example.com").status == .accepted)
        }
    }

    @Test("The limit comes from Settings: 20 per network per hour by default")
    func networkLimitFromSettings() async throws {
        try await withTestApp { app in
            app.dependencies.mailTransport = RecordingTransport()
            var statuses: [HTTPStatus] = []
            for i in 0...20 { statuses.append(try await subscribe(app, "d\(i)@example.com").status) }
            #expect(statuses == Array(repeating: .accepted, count: 20) + [.tooManyRequests])
        }
        let settings = try Settings.load(environment: ["VERDICT_SUBSCRIBES_PER_NETWORK_PER_HOUR": "5"])
        #expect(settings.subscribesPerNetworkPerHour == 5)
        for bad in ["0", "-1", "ten"] {
            #expect(throws: SettingsError.self) { try Settings.load(environment: ["VERDICT_SUBSCRIBES_PER_NETWORK_PER_HOUR": bad]) }
        }
    }

    @Test("New, pending, confirmed and unsubscribed addresses get byte-identical answers")
    func noOracle() async throws {
        try await withNewsletter { app, transport in
            let confirmed = try await app.confirmedSubscriber("known@example.com", transport: transport)
            _ = try await subscribe(app, "pending@example.com")
            _ = try await app.confirmedSubscriber("left@example.com", transport: transport)
            let left = try #require(try await SubscriberModel.find(email: "left@example.com", on: app.db))
            #expect(try await SubscriberModel.unsubscribe(id: left.id!, now: TestApp.pinned, on: app.db))
            #expect(confirmed.state == .confirmed)
            for path in ["/api/v1/subscribers", "/newsletter/subscribe"] {
                var answers: [String] = []
                for email in ["known@example.com", "pending@example.com", "left@example.com", "new-\(path.count)@example.com"] {
                    let res =
                        path.hasPrefix("/api")
                        ? try await subscribe(app, email) : try await app.send(.POST, path, form: "email=\(email)")
                    let headers = res.headers.filter { $0.name.lowercased() != "date" }.map { "\($0.name): \($0.value)" }
                    answers.append("\(res.status.code)\n\(headers.sorted())\n\(res.text)")
                }
                #expect(Set(answers).count == 1, "\(path) answers differ by address state")
            }
        }
    }
}
