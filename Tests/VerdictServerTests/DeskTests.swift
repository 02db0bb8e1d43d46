import Fluent
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

@Suite("The editor's desk: tools, moderation, browser import, audit log")
struct DeskTests {
    static let newTool =
        #"{"slug":"gamma","name":"Gamma","category":"Developer Tools","description":"Gamma does things.","entry":"paid","facts":{"api":true}}"#

    @Test("Tools are created, edited and retired through the API; retired tools leave listings and keep a page with a notice")
    func toolLifecycle() async throws {
        try await withTestApp(seedDemo: false) { app in
            _ = try await app.importYAML(Catalogs.two)
            try await app.makeUser("ed@example.com", role: .editor)
            let token = try await app.makeToken("ed", owner: "ed@example.com", scope: .write)
            let created = try await app.api(.POST, "/api/v1/admin/tools", token: token, json: Self.newTool)
            #expect(created.status == .created)
            #expect(try await app.api(.POST, "/api/v1/admin/tools", token: token, json: Self.newTool).status == .conflict)
            let bad = try await app.api(
                .PUT, "/api/v1/admin/tools/gamma", token: token,
                json: #"{"name":"Gamma","category":"Developer Tools","description":"x","entry":"cheap","facts":{"apii":true}}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("entry") && bad.text.contains("apii"))
            #expect(try await ToolModel.find(slug: "gamma", on: app.db)?.entry == "paid")
            let edited = try await app.api(
                .PUT, "/api/v1/admin/tools/gamma", token: token,
                json:
                    #"{"name":"Gamma 2","category":"Developer Tools","description":"Now better.","entry":"free","facts":{"api":true,"free_tier":true}}"#
            )
            #expect(edited.status == .ok && edited.json["name"] as? String == "Gamma 2")
            #expect(try await app.api(.POST, "/api/v1/admin/tools/gamma/retire", token: token).json["retired_at"] is String)
            let list = try await app.send(.GET, "/api/v1/tools").text
            #expect(!list.contains("\"gamma\"") && list.contains("\"alpha\""))
            #expect(!(try await app.send(.GET, "/").text.contains("Gamma 2")))
            let page = try await app.send(.GET, "/tools/gamma")
            #expect(page.status == .ok && page.text.contains("is no longer listed"))
            #expect(try await app.api(.POST, "/api/v1/admin/tools/gamma/restore", token: token).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/tools").text.contains("\"gamma\""))

            let audit = try await app.api(.GET, "/api/v1/admin/audit?subject=tool:gamma", token: token)
            #expect(audit.status == .forbidden)  // the audit log is for admins
            try await app.makeUser("boss@example.com", role: .admin)
            let adminToken = try await app.makeToken("boss", owner: "boss@example.com", scope: .read)
            let entries = try #require(
                try await app.api(.GET, "/api/v1/admin/audit?subject=tool:gamma", token: adminToken).json["entries"] as? [[String: Any]])
            let actions = entries.compactMap { $0["action"] as? String }
            #expect(
                actions.contains("tool.created") && actions.contains("tool.updated") && actions.contains("tool.retired")
                    && actions.contains("tool.restored"))
            let update = try #require(entries.first { $0["action"] as? String == "tool.updated" })
            #expect((update["before"] as? [String: Any])?["name"] as? String == "Gamma")
            #expect((update["after"] as? [String: Any])?["name"] as? String == "Gamma 2")
            #expect(update["actor"] as? String == "token:ed (user:ed@example.com)")
        }
    }

    @Test("The browser form edits a tool with the import's validation; bad input re-shows the form and writes nothing")
    func formEditing() async throws {
        try await withTestApp(seedDemo: false) { app in
            _ = try await app.importYAML(Catalogs.two)
            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            let bad = try await app.browse(
                .POST, "/admin/tools/alpha", as: ed,
                form: "name=Alpha&category=Developer+Tools&description=d&entry=free&homepage=javascript%3Aalert(1)&facts=api%3A+maybe")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("Nothing was saved") && bad.text.contains("homepage") && bad.text.contains("api"))
            #expect(try await ToolModel.find(slug: "alpha", on: app.db)?.homepage == "https://alpha.example")
            let ok = try await app.browse(
                .POST, "/admin/tools/alpha", as: ed,
                form: "name=Alpha+Prime&category=Developer+Tools&description=Better.&entry=freemium&facts=api%3A+true%0Afree_tier%3A+true")
            #expect(ok.status == .seeOther)
            let tool = try #require(try await ToolModel.find(slug: "alpha", on: app.db))
            #expect(tool.name == "Alpha Prime" && tool.entry == "freemium" && tool.tool.facts.freeTier == true)
            // A category that does not exist is a typo until it is typed as new on purpose.
            let typo = try await app.browse(
                .POST, "/admin/tools/new", as: ed,
                form: "slug=delta&name=Delta&category=Serch&description=Finds.&entry=free&facts=")
            #expect(
                typo.status == .badRequest && typo.text.contains("Category &#39;Serch&#39; does not exist yet")
                    || typo.text.contains("Category 'Serch' does not exist yet"))
            #expect(typo.text.contains("value=\"Delta\""), "the editor's input is kept")
            #expect(try await ToolModel.find(slug: "delta", on: app.db) == nil)
            let created = try await app.browse(
                .POST, "/admin/tools/new", as: ed,
                form: "slug=delta&name=Delta&category=&new_category=Search&description=Finds.&entry=free&facts=")
            #expect(created.status == .seeOther && created.headers.first(name: .location) == "/admin/tools/delta?done=created")
            #expect(try await ToolModel.find(slug: "delta", on: app.db)?.category == "Search")
        }
    }

    @Test(
        "With moderation on, model takes wait; approve-with-edit publishes the editor's words marked as edited, the model's kept; reject keeps the previous take"
    )
    func moderation() async throws {
        try await withModelPanel({ _, _ in .content(takeJSON("skip"), prompt: 100, cached: 0, completion: 50) }) { app, _, _ in
            _ = try await app.importYAML(Catalogs.two)
            try await EditorialSettings.setModeratesModelTakes(true, actor: "test", at: app.dependencies.clock.now(), db: app.db)
            let before = try await app.send(.GET, "/api/v1/tools/alpha").text
            #expect(try await app.queueAll(["alpha"]) == 4)
            try await app.testWorker().drain()
            #expect(try await app.send(.GET, "/api/v1/tools/alpha").text == before)  // nothing published yet

            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            let queue = try await app.browse(.GET, "/admin/takes", as: ed)
            #expect(queue.status == .ok && queue.text.contains("Approve"))
            let pending = try await TakeReviewModel.query(on: app.db).filter(\.$statusRaw == "pending").all()
            #expect(pending.count == 4)
            let builder = try #require(pending.first { $0.persona == "builder" })
            let skeptic = try #require(pending.first { $0.persona == "skeptic" })
            let edited = try await app.browse(
                .POST, "/admin/takes/\(builder.id!.uuidString)/approve", as: ed,
                form: "text=" + "Edited by a person: <b>bold</b> & careful.".formEscaped)
            #expect(edited.status == .seeOther)
            #expect(try await app.browse(.POST, "/admin/takes/\(builder.id!.uuidString)/approve", as: ed).status == .conflict)
            #expect(try await app.browse(.POST, "/admin/takes/\(skeptic.id!.uuidString)/reject", as: ed).status == .seeOther)

            let current = try await TakeModel.currentRows(tool: builder.$tool.id, on: app.db)
            #expect(current[.builder]?.text == "Edited by a person: <b>bold</b> & careful.")
            #expect(current[.builder]?.source == "llm" && current[.builder]?.editedBy == "user:ed@example.com")
            #expect(current[.builder]?.originalText?.hasPrefix("fact0") == true)
            #expect(current[.skeptic]?.source == "rubric")  // rejected: the previous take stays
            let page = try await app.send(.GET, "/tools/alpha").text
            #expect(page.contains("Edited by the editors") && page.contains("&lt;b&gt;bold&lt;/b&gt; &amp; careful"))
            let api = try #require(
                (try await app.send(.GET, "/api/v1/tools/alpha").json["panel"] as? [String: Any])?["takes"] as? [[String: Any]])
            let builderTake = try #require(api.first { $0["persona"] as? String == "builder" })
            #expect(builderTake["edited"] as? Bool == true && (builderTake["original_text"] as? String)?.hasPrefix("fact0") == true)

            // Running the panel again does not re-bill takes already waiting or decided as the same take.
            #expect(try await app.queueAll(["alpha"]) == 4)
            try await app.testWorker().drain()
            #expect(try await TakeReviewModel.query(on: app.db).filter(\.$statusRaw == "pending").count() == 2)

            let log = try await Audit.entries(subject: "tool:alpha/", limit: 50, on: app.db).map(\.action)
            #expect(log.contains("take.proposed") && log.contains("take.approved_edited") && log.contains("take.rejected"))
        }
    }

    @Test("Two editors deciding one take at once: exactly one decision wins; an older proposal cannot replace a newer published take")
    func decisionsDoNotRace() async throws {
        try await withModelPanel({ _, _ in .content(takeJSON("skip"), prompt: 100, cached: 0, completion: 50) }) { app, _, _ in
            _ = try await app.importYAML(Catalogs.two)
            try await EditorialSettings.setModeratesModelTakes(true, actor: "test", at: app.dependencies.clock.now(), db: app.db)
            _ = try await app.queueAll(["alpha"], personas: [.builder, .skeptic])
            try await app.testWorker().drain()
            let reviews = try await TakeReviewModel.query(on: app.db).filter(\.$statusRaw == "pending").all()
            let builder = try #require(reviews.first { $0.persona == "builder" })
            let id = try #require(builder.id)
            async let approved: Bool =
                (try? await Moderation.approve(
                    id, editedText: nil, actor: "a", at: app.dependencies.clock.now(), on: app.db, changes: app.changes)) != nil
            async let rejected: Bool = (try? await Moderation.reject(id, actor: "b", at: app.dependencies.clock.now(), on: app.db)) != nil
            let outcomes = await [approved, rejected]
            #expect(outcomes.filter { $0 }.count == 1)
            let decided = try #require(try await TakeReviewModel.find(builder.id!, on: app.db))
            let published = try await TakeModel.currentRows(tool: builder.$tool.id, on: app.db)[.builder]?.source == "llm"
            #expect(published == (decided.statusRaw == "approved"))

            // Moderation switched off: a newer model take is published directly; the old proposal
            // for that persona can no longer replace it.
            let skeptic = try #require(reviews.first { $0.persona == "skeptic" })
            try await EditorialSettings.setModeratesModelTakes(false, actor: "test", at: app.dependencies.clock.now(), db: app.db)
            _ = try await app.queueAll(["alpha"], personas: [.skeptic], force: true)
            try await app.testWorker().drain()
            await #expect(throws: Moderation.Failure.superseded) {
                try await Moderation.approve(
                    skeptic.id!, editedText: nil, actor: "a", at: app.dependencies.clock.now(), on: app.db, changes: app.changes)
            }
            #expect(try await TakeReviewModel.find(skeptic.id!, on: app.db)?.statusRaw == "pending")
        }
    }

    @Test("Browser import: same validation and errors as the CLI, nothing written on error; check-only writes nothing")
    func browserImport() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            let boundary = "----verdict-test"
            func multipart(_ file: String, check: Bool) -> String {
                var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(ed.csrf)\r\n"
                body +=
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cat.yaml\"\r\nContent-Type: application/yaml\r\n\r\n\(file)\r\n"
                if check { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"check\"\r\n\r\n1\r\n" }
                return body + "--\(boundary)--\r\n"
            }
            var headers: HTTPHeaders = ["Content-Type": "multipart/form-data; boundary=\(boundary)"]
            headers.add(name: .cookie, value: "verdict_session=\(ed.cookie)")
            let broken = Catalogs.two.replacingOccurrences(of: "entry: free", with: "entry: gratis")
            let bad = try await app.sendRaw(.POST, "/admin/import", headers: headers, body: multipart(broken, check: false))
            #expect(bad.status == .badRequest && bad.text.contains("gratis") && bad.text.contains("Nothing was written"))
            #expect(try await ToolModel.count(on: app.db) == 0)
            let check = try await app.sendRaw(.POST, "/admin/import", headers: headers, body: multipart(Catalogs.two, check: true))
            #expect(check.status == .ok && check.text.contains("nothing written"))
            #expect(try await ToolModel.count(on: app.db) == 0)
            let good = try await app.sendRaw(.POST, "/admin/import", headers: headers, body: multipart(Catalogs.two, check: false))
            #expect(good.status == .ok && good.text.contains("Imported cat.yaml"))
            #expect(try await ToolModel.count(on: app.db) == 2)
            #expect(try await Audit.entries(actor: "user:ed@example.com", limit: 10, on: app.db).count == 2)
        }
    }

    @Test("A YAML alias bomb is refused before it expands, through the API, the desk's facts field and the CLI's reader")
    func aliasBomb() async throws {
        try await withTestApp(seedDemo: false) { app in
            _ = try await app.importYAML(Catalogs.two)
            try await app.makeUser("ed@example.com", role: .editor)
            let token = try await app.makeToken("t", owner: "ed@example.com", scope: .write)
            var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            for i in 1...9 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
            let started = Date()
            let res = try await app.sendRaw(
                .POST, "/api/v1/admin/import?check=true",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/yaml"], body: bomb)
            #expect(res.status == .badRequest && res.text.contains("aliases"))
            #expect(Date().timeIntervalSince(started) < 10)
            let ed = try await app.signIn("ed@example.com")
            let form = "name=Alpha&category=Developer+Tools&description=d&entry=free&facts=" + ("api: true\n" + bomb).formEscaped
            let page = try await app.browse(.POST, "/admin/tools/alpha", as: ed, form: form)
            #expect(page.status == .badRequest && page.text.contains("aliases"))
            #expect(throws: ImportFailure.self) { try ImportFile.parse(Data(bomb.utf8), name: "bomb.yaml") }
        }
    }

    @Test("The settings API reads the snake_case body it documents")
    func settingsBody() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("boss@example.com", role: .admin)
            let token = try await app.makeToken("t", owner: "boss@example.com", scope: .write)
            let res = try await app.api(.PUT, "/api/v1/admin/settings", token: token, json: #"{"moderate_llm_takes":true}"#)
            #expect(res.status == .ok && res.json["moderate_llm_takes"] as? Bool == true)
            #expect(try await EditorialSettings.moderatesModelTakes(on: app.db))
            for bad in [#"{"moderate_llm_takes":false,"extra":1}"#, #"{"moderate_llm_takes":1}"#, #"{"moderateLlmTakes":false}"#, "[]"] {
                #expect(try await app.api(.PUT, "/api/v1/admin/settings", token: token, json: bad).status == .badRequest, "\(bad)")
            }
            #expect(try await EditorialSettings.moderatesModelTakes(on: app.db))
        }
    }

    @Test("Desk forms keep the 64 KB limit (only the import form takes a whole file)")
    func bodyLimits() async throws {
        try await withTestApp(seedDemo: false) { app in
            _ = try await app.importYAML(Catalogs.two)
            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            // Body limits apply to streamed bodies, so these go over a real socket.
            let running = try app.testing(method: .running(port: 0))
            var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            headers.add(name: .cookie, value: "verdict_session=\(ed.cookie)")
            let filler = String(repeating: "x", count: 70 * 1024)
            let big = try await running.sendRequest(
                .POST, "/admin/tools/alpha", headers: headers,
                body: ByteBuffer(string: "csrf=\(ed.csrf.formEscaped)&description=\(filler)"))
            #expect(big.status == .payloadTooLarge)
            let file = try await running.sendRequest(
                .POST, "/admin/import", headers: headers,
                body: ByteBuffer(string: "csrf=\(ed.csrf.formEscaped)&text=\(filler)"))
            #expect(file.status == .badRequest)  // read in full, then refused as an invalid catalog
            #expect(file.text.contains("Nothing was written"))
        }
    }

    @Test("Subscribers and sends are for admins; the moderation switch is recorded in the audit log")
    func adminPages() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("boss@example.com", role: .admin)
            try await SubscriberModel(email: "reader@example.com").create(on: app.db)
            let boss = try await app.signIn("boss@example.com")
            let subs = try await app.browse(.GET, "/admin/subscribers", as: boss)
            #expect(subs.status == .ok && subs.text.contains("reader@example.com"))
            let issue = NewsletterIssueModel()
            (issue.week, issue.subject, issue.textBody, issue.htmlBody) = ("2026-W48", "This week", "t", "h")
            try await issue.create(on: app.db)
            for (i, state) in ["sent", "sent", "pending", "failed"].enumerated() {
                let subscriber = SubscriberModel(email: "r\(i)@example.com")
                try await subscriber.create(on: app.db)
                let delivery = DeliveryModel()
                (delivery.$issue.id, delivery.$subscriber.id, delivery.state, delivery.attempts) = (issue.id!, subscriber.id!, state, 0)
                try await delivery.create(on: app.db)
            }
            let sends = try await app.browse(.GET, "/admin/sends", as: boss)
            #expect(sends.status == .ok && sends.text.contains("2026-W48"))
            #expect(try await SubscriberDesk.sends(on: app.db).map { [$0.sent, $0.pending, $0.failed] } == [[2, 1, 1]])
            // Paging input is bounded: no arithmetic overflow, no silent fallback.
            for offset in ["9223372036854775807", "-1", "null"] {
                #expect(try await app.browse(.GET, "/admin/subscribers?offset=\(offset)", as: boss).status == .badRequest)
            }
            #expect(try await app.browse(.POST, "/admin/settings", as: boss, form: "moderate_llm_takes=1").status == .seeOther)
            #expect(try await EditorialSettings.moderatesModelTakes(on: app.db))
            let audit = try await app.browse(.GET, "/admin/audit?action=settings", as: boss)
            #expect(audit.text.contains("settings.updated") && audit.text.contains("user:boss@example.com"))
            // Prefixes are literal and case-sensitive on both databases.
            #expect(try await Audit.entries(action: "settings", limit: 10, on: app.db).count == 1)
            #expect(try await Audit.entries(action: "SETTINGS", limit: 10, on: app.db).isEmpty)
            #expect(try await Audit.entries(action: "settings_", limit: 10, on: app.db).isEmpty)
            #expect(try await Audit.entries(action: "%", limit: 10, on: app.db).isEmpty)
        }
    }
}
