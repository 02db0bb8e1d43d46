import Fluent
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Issue #15: the claims ledger on the desk and the page, the timeline, stale takes and old prices.
@Suite("The buyer's read: claims, timeline, staleness")
struct BuyersReadTests {
    static let gamma = """
        tools:
          - slug: gamma
            name: Gamma
            category: Developer Tools
            description: Gamma reviews code.
            entry: paid
            facts:
              api: true
              license: proprietary
              benchmarks_published: false
              claims: ["Fastest code review in the world", "Catches 90% of bugs"]
        """

    @Test("Editors verify and dispute claims on the desk: refused without evidence, audited, the rubric and the page follow")
    func claims() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Self.gamma)
            _ = try await app.makeUser("ed@example.org", role: .editor)
            var editor = try await app.signIn("ed@example.org")
            let page = try await app.send(.GET, "/tools/gamma")
            #expect(page.text.contains("Claims") && page.text.contains("“Fastest code review in the world”"))
            #expect(page.text.contains("Nobody has checked this claim yet."))
            let before = try #require(try await ToolModel.find(slug: "gamma", on: app.db))
            let skepticBefore = try #require(try await ToolModel.standing(of: before, on: app.db)?.take(by: .skeptic))
            #expect(skepticBefore.text.contains("is unverified"))

            // Refused: no method, no evidence link, a script link, a claim that does not exist.
            for (form, message) in [
                ("claim=0&status=verified", "say how the claim was checked"),
                ("claim=0&status=verified&method=ran%20it", "needs an http(s) link"),
                ("claim=0&status=disputed&method=ran%20it&evidence_url=javascript:alert(1)", "needs an http(s) link"),
                ("claim=7&status=verified&method=x&evidence_url=https://e.example", "has no claim number 8"),
                ("claim=0&status=true&method=x&evidence_url=https://e.example", "status must be one of"),
            ] {
                let res = try await app.browse(.POST, "/admin/tools/gamma/claims", as: editor, form: form)
                #expect(res.status == .badRequest, "\(form)")
                #expect(res.text.contains(message), "\(form): \(res.text.prefix(400))")
            }
            #expect(try await ToolModel.find(slug: "gamma", on: app.db)?.factsHash == before.factsHash)

            app.dependencies.clock = .fixed(TestApp.pinned.addingTimeInterval(86_400))
            editor = try await app.signIn("ed@example.org")
            let verified = try await app.browse(
                .POST, "/admin/tools/gamma/claims", as: editor,
                form: "claim=1&status=verified&method=Re-ran%20the%20vendor%27s%20bug%20set&evidence_url=https://evals.example/gamma")
            #expect(verified.status == .seeOther)
            let after = try #require(try await ToolModel.find(slug: "gamma", on: app.db))
            #expect(after.factsHash != before.factsHash && after.factsChangedAt == TestApp.pinned.addingTimeInterval(86_400))
            #expect(after.tool.ledger.entries.map(\.status) == [.unverified, .verified])
            let skeptic = try #require(try await ToolModel.standing(of: after, on: app.db)?.take(by: .skeptic))
            #expect(skeptic.text.contains("holds: ed verified it on 2026-11-16"))
            let shown = try await app.send(.GET, "/tools/gamma")
            #expect(shown.text.contains("Verified by ed on 2026-11-16: Re-ran the vendor"))
            #expect(shown.text.contains(#"href="https://evals.example/gamma""#))
            let api = try await app.send(.GET, "/api/v1/tools/gamma")
            let claims = try #require(api.json["claims"] as? [[String: Any]])
            #expect(claims.map { $0["status"] as? String } == ["unverified", "verified"])
            #expect(claims[1]["checked_by"] as? String == "ed" && claims[1]["evidence_url"] as? String == "https://evals.example/gamma")
            #expect(claims[0]["checked_by"] is NSNull)
            let audit = try await Audit.entries(actor: nil, action: "claim.checked", subject: nil, limit: 10, on: app.db)
            #expect(audit.count == 1)

            // A disputed claim sinks the Skeptic's evidence; an import of the same facts keeps the checks.
            _ = try await app.browse(
                .POST, "/admin/tools/gamma/claims", as: editor,
                form: "claim=0&status=disputed&method=Timed%20it&evidence_url=https://bench.example/x&note=Slower%20than%20two%20rivals")
            _ = try await app.importYAML(Self.gamma)
            let kept = try #require(try await ToolModel.find(slug: "gamma", on: app.db))
            #expect(kept.tool.ledger.entries.map(\.status) == [.disputed, .verified])
            let disputed = try #require(try await ToolModel.standing(of: kept, on: app.db)?.take(by: .skeptic))
            #expect(disputed.text.contains("is disputed") && disputed.verdict == .skip)
            #expect(try await app.send(.GET, "/tools/gamma").text.contains("Slower than two rivals"))
        }
    }

    @Test("Votes and takes draw the timeline; a fact change makes an editorial take stale; an old price says so")
    func timelineAndStaleness() async throws {
        try await withTestApp(seedDemo: true) { app in
            for vote in ["ship", "ship", "skip"] {
                #expect(try await app.send(.PUT, "/api/v1/tools/runway/vote", json: #"{"vote":"\#(vote)"}"#).status == .ok)
            }
            let runway = try #require(try await ToolModel.find(slug: "runway", on: app.db))
            let days = try await ScoreHistory.days(tool: try runway.requireID(), on: app.db)
            #expect(days.map(\.day) == ["2026-11-15"] && days.first?.votes == 3 && days.first?.community == 67)
            let page = try await app.send(.GET, "/tools/runway")
            #expect(page.text.contains("How the verdict moved") && page.text.contains("<polyline"))
            #expect(page.text.contains("2 more ship votes would make this a majority ship") == false)
            #expect(page.text.contains("2 more skip votes would make this a majority skip."))
            let fragility = try #require(try await app.send(.GET, "/api/v1/tools/runway").json["fragility"] as? [String: Any])
            #expect(fragility["community"] as? String == "2 more skip votes would make this a majority skip")
            #expect(!page.text.contains("Stale since"))

            // An editor's take, then new facts a day later: the take judged the old facts.
            _ = try await app.importYAML(Self.gamma)
            _ = try await app.importYAML(
                "takes:\n  - {tool: gamma, persona: builder, verdict: ship, text: Ships fine for small teams.}")
            #expect(!(try await app.send(.GET, "/tools/gamma").text.contains("Stale since")))
            app.dependencies.clock = .fixed(TestApp.pinned.addingTimeInterval(86_400))
            _ = try await app.importYAML(Self.gamma.replacingOccurrences(of: "license: proprietary", with: "license: Apache-2.0"))
            let stale = try await app.send(.GET, "/tools/gamma")
            #expect(stale.text.contains("Stale since 2026-11-16: </strong>The Builder&#39;s take judged facts"), "\(stale.text)")

            // 31 days after the demo's prices were declared, they are flagged.
            #expect(!(try await app.send(.GET, "/tools/gemini-2-5-flash").text.contains("Not checked since")))
            app.dependencies.clock = .fixed(TestApp.pinned.addingTimeInterval(31 * 86_400))
            #expect(try await app.send(.GET, "/tools/gemini-2-5-flash").text.contains("Not checked since 2026-11-15"))
        }
    }
}
