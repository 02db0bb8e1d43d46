import Fluent
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Suggestions from `/suggest` to a published, labelled tool; what's new; the desk's decisions.
@Suite("Intake queue: suggest, accept with the panel, merge, reject, labels, what's new")
struct IntakeQueueTests {
    static func form(_ fields: [String: String]) -> String {
        fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.formEscaped)" }.joined(separator: "&")
    }

    static let vendorForm = form([
        "name": "Acme <b>Coder</b>", "url": "https://acme.example/coder", "category": "Coding Assistants",
        "reason": "An agent that writes <script>alert(1)</script> tests", "vendor": "1",
    ])

    @Test("A vendor's submission waits for an editor, is published with its panel and labelled on every page that shows it")
    func vendorSubmission() async throws {
        try await withTestApp(seedDemo: true) { app in
            let page = try await app.send(.GET, "/suggest")
            #expect(page.status == .ok && page.text.contains("Suggest a tool") && page.text.contains("Coding Assistants"))

            let posted = try await app.sendRaw(
                .POST, "/suggest", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Self.vendorForm)
            #expect(posted.status == .ok && posted.text.contains("is with the editors"))
            #expect(!posted.text.contains("<b>Coder</b>"))
            // Nothing is published before an editor decides.
            #expect(try await ToolModel.find(slug: "acme-b-coder-b", on: app.db) == nil)
            let pending = try await IntakeQueue.entries(status: .pending, limit: 10, on: app.db)
            let entry = try #require(pending.first)
            #expect(pending.count == 1 && entry.vendor_submitted && entry.kind == "vendor")

            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            let desk = try await app.browse(.GET, "/admin/intake", as: ed)
            #expect(desk.status == .ok && desk.text.contains("Acme &lt;b&gt;Coder&lt;/b&gt;") && !desk.text.contains("<script>alert"))

            // A typo'd category is refused unless typed as a new category on purpose.
            let typo = try await app.browse(
                .POST, "/admin/intake/\(entry.id)", as: ed, form: "action=accept&slug=acme-coder&category=Codng%20Assistants")
            #expect(typo.status == .badRequest && typo.text.contains("Choose a category from the list"))
            #expect(try await ToolModel.find(slug: "acme-coder", on: app.db) == nil)

            let accepted = try await app.browse(
                .POST, "/admin/intake/\(entry.id)", as: ed, form: "action=accept&slug=acme-coder&category=Coding%20Assistants")
            #expect(accepted.status == .seeOther)
            let tool = try #require(try await ToolModel.find(slug: "acme-coder", on: app.db))
            #expect(tool.listing == Listing.vendorSubmitted.rawValue && tool.homepage == "https://acme.example/coder")
            #expect(try await TakeModel.currentRows(tool: tool.requireID(), on: app.db).count == 4)
            // Accepting again is refused: someone decided it first.
            let again = try await app.browse(
                .POST, "/admin/intake/\(entry.id)", as: ed, form: "action=accept&slug=acme-coder-2&category=Coding%20Assistants")
            #expect(again.status == .conflict)

            // Labelled on its page, its category, the comparison and what's new.
            for path in ["/tools/acme-coder", "/categories/coding-assistants", "/compare/acme-coder-vs-github-copilot", "/new"] {
                let shown = try await app.send(.GET, path)
                #expect(shown.status == .ok, "\(path)")
                #expect(shown.text.contains("Vendor-submitted"), "\(path) does not label the vendor-submitted tool")
            }
            let new = try await app.send(.GET, "/new?category=coding-assistants")
            #expect(new.text.contains("Tools added") && new.text.contains("acme-coder"))
            #expect(try await app.send(.GET, "/new?category=../etc").status == .badRequest)
        }
    }

    @Test("Bad suggestions name each wrong field and keep what was typed; a network is limited to 10 an hour")
    func badAndLimited() async throws {
        try await withTestApp(seedDemo: true) { app in
            let headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            let bad = try await app.sendRaw(
                .POST, "/suggest", headers: headers,
                body: Self.form(["name": "Thing", "url": "javascript:alert(1)", "category": "Nope", "reason": ""]))
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("Web address must be an http(s) address"))
            #expect(bad.text.contains("Category choose one of the listed categories"))
            #expect(bad.text.contains("Why is required"))
            #expect(bad.text.contains("value=\"Thing\""))
            #expect(try await IntakeQueue.pendingCount(on: app.db) == 0)

            // (A body over 16 KB is refused with 413 by the server before this handler; in memory it reaches it.)
            let long = try await app.sendRaw(
                .POST, "/suggest", headers: headers,
                body: Self.form([
                    "name": String(repeating: "a", count: 500), "url": "https://a.example", "category": "Other", "reason": "r",
                ]))
            #expect(long.status == .badRequest && long.text.contains("Tool name is 500 characters long; at most 120 allowed"))

            let cross = try await app.sendRaw(
                .POST, "/suggest", headers: ["Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site"],
                body: Self.form(["name": "X", "url": "https://x.example", "category": "Other", "reason": "r"]))
            #expect(cross.status == .forbidden)

            var statuses: [HTTPStatus] = []
            for n in 0..<8 {
                statuses.append(
                    try await app.sendRaw(
                        .POST, "/suggest", headers: headers,
                        body: Self.form(["name": "Tool \(n)", "url": "https://t\(n).example", "category": "Other", "reason": "because"])
                    ).status)
            }
            // The two bad suggestions counted; the cross-site one was refused before the counter.
            #expect(statuses.filter { $0 == .ok }.count == 8)
            let limited = try await app.sendRaw(
                .POST, "/suggest", headers: headers,
                body: Self.form(["name": "One more", "url": "https://m.example", "category": "Other", "reason": "r"]))
            #expect(limited.status == .tooManyRequests && limited.headers.first(name: "Retry-After") != nil)
            #expect(try await IntakeQueue.pendingCount(on: app.db) == 8)
        }
    }

    @Test("Merge and reject are audited and decided once; add from URL reads the page's title")
    func mergeRejectAdd() async throws {
        let server = try await FakeDatasetServer.start()
        defer { Task { try? await server.stop() } }
        try await withTestApp(seedDemo: true) { app in
            let now = app.dependencies.clock.now()
            let one = try await IntakeQueue.submit(
                Suggestion(
                    name: "Copilot", url: "https://github.com/features/copilot", category: "Coding Assistants", reason: "popular",
                    vendorSubmitted: false),
                kind: .suggestion, network: "n", at: now, on: app.db)
            let two = try await IntakeQueue.submit(
                Suggestion(name: "Spam", url: "https://spam.example", category: "Other", reason: "buy", vendorSubmitted: false),
                kind: .suggestion, network: "n", at: now, on: app.db)
            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            #expect(
                try await app.browse(.POST, "/admin/intake/\(one)", as: ed, form: "action=merge&into=no-such-tool").status == .badRequest)
            #expect(
                try await app.browse(.POST, "/admin/intake/\(one)", as: ed, form: "action=merge&into=github-copilot").status == .seeOther)
            #expect(try await app.browse(.POST, "/admin/intake/\(two)", as: ed, form: "action=reject").status == .seeOther)
            #expect(try await app.browse(.POST, "/admin/intake/\(two)", as: ed, form: "action=reject").status == .conflict)
            #expect(try await Audit.entries(actor: nil, action: "intake.merged", subject: nil, limit: 5, on: app.db).count == 1)
            #expect(try await Audit.entries(actor: nil, action: "intake.rejected", subject: nil, limit: 5, on: app.db).count == 1)

            server.answer(
                .body(
                    Data(
                        "<html><head><title>Zeta &amp; Co — AI notes</title><meta name=\"description\" content=\"Notes that write themselves\"></head></html>"
                            .utf8), etag: nil))
            let added = try await app.browse(
                .POST, "/admin/intake", as: ed, form: "url=\(server.url.formEscaped)&category=Coding%20Assistants")
            #expect(added.status == .seeOther)
            let entry = try #require(try await IntakeQueue.entries(status: .pending, limit: 5, on: app.db).first)
            #expect(entry.name == "Zeta & Co — AI notes" && entry.reason == "Notes that write themselves" && entry.kind == "editor")
        }
    }

    @Test("An editor marks a tool sponsored through the API; it is labelled on its page and in its category")
    func sponsored() async throws {
        try await withTestApp(seedDemo: true) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let token = try await app.makeToken("ed", owner: "ed@example.com", scope: .write)
            let put = try await app.api(
                .PUT, "/api/v1/admin/tools/cursor", token: token,
                json:
                    #"{"name":"Cursor","category":"Coding Assistants","description":"An AI code editor.","entry":"freemium","listing":"sponsored"}"#
            )
            #expect(put.status == .ok, "\(put.text)")
            let bad = try await app.api(
                .PUT, "/api/v1/admin/tools/cursor", token: token,
                json: #"{"name":"Cursor","category":"Coding Assistants","description":"x","entry":"freemium","listing":"paid-ish"}"#)
            #expect(bad.status == .badRequest && bad.text.contains("listing"))
            for path in ["/tools/cursor", "/categories/coding-assistants"] {
                #expect(try await app.send(.GET, path).text.contains(">Sponsored<"), "\(path)")
            }
        }
    }
}
