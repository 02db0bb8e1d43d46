import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// `GET /api/v1/cost` and the comparison page's cost form: the same parameters, the same numbers.
@Suite("Cost for my workload: API and comparison page")
struct CostTests {
    @Test("The API prices each tool from its cheapest offer, line by line; free and unpublished tools say so")
    func api() async throws {
        try await withTestApp(seedDemo: true) { app in
            let res = try await app.send(
                .GET, "/api/v1/cost?tools=gemini-2-5-flash,smollm3,midjourney&input_tokens=1000000&output_tokens=200000")
            #expect(res.status == .ok, "\(res.text)")
            let tools = try #require(res.json["tools"] as? [[String: Any]])
            #expect(tools.map { $0["slug"] as? String } == ["gemini-2-5-flash", "smollm3", "midjourney"])
            // $0.30 × 1 + $2.50 × 0.2 = $0.80, from the prices the editors declared.
            #expect(tools[0]["status"] as? String == "priced" && tools[0]["monthly_cost"] as? String == "0.8")
            #expect(tools[0]["monthly_cost_display"] as? String == "$0.80")
            let offer = try #require(tools[0]["offer"] as? [String: Any])
            #expect(
                offer["source"] as? String == "editorial"
                    && offer["source_url"] as? String == "https://ai.google.dev/gemini-api/docs/pricing")
            let lines = try #require(tools[0]["lines"] as? [[String: Any]])
            #expect(
                lines.map { $0["text"] as? String } == [
                    "1,000,000 input tokens × $0.30 per 1M = $0.30", "200,000 output tokens × $2.50 per 1M = $0.50",
                ])
            #expect(tools[1]["status"] as? String == "unpublished" && tools[1]["monthly_cost"] is NSNull)
            let workload = try #require(res.json["workload"] as? [String: Any])
            #expect(workload["description"] as? String == "1,000,000 input tokens, 200,000 output tokens a month")

            // A month with images: a text model's offers cannot price it, and say what is missing.
            let images = try await app.send(.GET, "/api/v1/cost?tools=gemini-2-5-flash&preset=startup&images=10")
            let imageTool = try #require((images.json["tools"] as? [[String: Any]])?.first)
            #expect(imageTool["status"] as? String == "no_matching_offer" && imageTool["missing"] as? [String] == ["image"])
            // Explicit values override the preset: 200M input at $0.30 (no cached price declared, so the
            // 60M cached tokens are charged as input) = $60.
            let text = try await app.send(.GET, "/api/v1/cost?tools=gemini-2-5-flash&preset=startup&output_tokens=0")
            #expect((text.json["tools"] as? [[String: Any]])?.first?["monthly_cost"] as? String == "60")

            for (query, status, message) in [
                ("tools=gemini-2-5-flash&input_tokens=-1", HTTPStatus.badRequest, "input_tokens must be a whole number"),
                ("tools=nope-tool&input_tokens=1", .notFound, "no tool called 'nope-tool'"),
                ("tools=", .badRequest, "'tools' must list 1 to 10"),
                ("tools=a,b,c,d,e,f,g,h,i,j,k", .badRequest, "'tools' must list 1 to 10"),
                ("tools=../x", .badRequest, "is not a tool slug"),
                ("tools=gemini-2-5-flash&preset=enterprise", .badRequest, "preset must be one of"),
                ("tools=gemini-2-5-flash", .badRequest, "Name a workload"),
            ] {
                let bad = try await app.send(.GET, "/api/v1/cost?\(query)")
                #expect(bad.status == status, "\(query)")
                #expect(bad.text.contains(message), "\(query): \(bad.text)")
            }
        }
    }

    @Test("The comparison page prices both tools for the startup preset, and for the workload in its shareable URL")
    func page() async throws {
        try await withTestApp(seedDemo: true) { app in
            let plain = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-smollm3")
            #expect(plain.status == .ok)
            #expect(plain.text.contains("What would it cost you?") && plain.text.contains("the startup preset"))
            let asked = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-smollm3?input_tokens=1000000&output_tokens=200000")
            #expect(asked.text.contains("Your workload") && asked.text.contains("$0.80"))
            #expect(asked.text.contains("1,000,000 input tokens × $0.30 per 1M = $0.30"))
            #expect(asked.text.contains("Free: no seller charges for it per unit"))
            #expect(asked.text.contains("Recommendation for your workload") && !plain.text.contains("Recommendation for your workload"))
            // Two workloads, two cached answers; a bad value is named.
            let other = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-smollm3?input_tokens=2000000&output_tokens=200000")
            #expect(other.text.contains("$1.10"))
            let bad = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-smollm3?cached_input_share=2")
            #expect(bad.status == .badRequest && bad.text.contains("cached_input_share must be a number from 0 to 1"))
        }
    }

    @Test("With a workload, the comparison recomputes each Buyer's take with the month's cost and derives the pick from them")
    func buyerForWorkload() async throws {
        try await withTestApp(seedDemo: true) { app in
            let plain = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-smollm3")
            #expect(!plain.text.contains("The Buyer, recomputed for your workload"))
            let res = try await app.send(.GET, "/compare/gemini-2-5-flash-vs-smollm3?input_tokens=1000000&output_tokens=200000")
            #expect(res.text.contains("The Buyer, recomputed for your workload"))
            #expect(res.text.contains("a month costs $0.80 through"), "\(res.text)")
            #expect(res.text.contains("no seller publishes a price, so the month can&#39;t be budgeted"))
            let tool = try await app.send(.GET, "/tools/gemini-2-5-flash?input_tokens=1000000&output_tokens=200000")
            #expect(tool.text.contains("The Buyer, recomputed for your workload") && tool.text.contains("a month costs $0.80 through"))
            #expect(!(try await app.send(.GET, "/tools/gemini-2-5-flash").text.contains("The Buyer, recomputed")))
        }
    }

    @Test("The tool page prices the tool for the workload in its URL")
    func toolPage() async throws {
        try await withTestApp(seedDemo: true) { app in
            let page = try await app.send(.GET, "/tools/gemini-2-5-flash?input_tokens=1000000&output_tokens=200000")
            #expect(page.status == .ok && page.text.contains("What would Gemini 2.5 Flash cost you?") && page.text.contains("$0.80"))
            let plain = try await app.send(.GET, "/tools/gemini-2-5-flash")
            #expect(plain.text.contains("the startup preset"))
            #expect(try await app.send(.GET, "/tools/gemini-2-5-flash?batch=perhaps").status == .badRequest)
        }
    }
}
