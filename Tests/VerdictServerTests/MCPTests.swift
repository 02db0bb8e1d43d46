import Foundation
import MCP
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Issue #16: the MCP tools' answers on both databases (`.ci/mcp-client.py` drives a real
/// client session over stdio against the binary).
@Suite("MCP tools")
struct MCPTests {
    static func call(_ name: String, _ args: [String: Value], app: Application) async throws -> (Bool, String) {
        let result = await VerdictMCP.call(CallTool.Parameters(name: name, arguments: args), app: app)
        guard case .text(let text, _, _) = try #require(result.content.first) else { throw MCPAnswers.Problem("not text") }
        return (result.isError ?? false, text)
    }

    @Test("Search ranks the exact name first, filters combine, wildcards are literal; verdicts, comparisons and costs carry links")
    func tools() async throws {
        try await withTestApp(seedDemo: true) { app in
            let (err, text) = try await Self.call("search_tools", ["query": "SmolLM3"], app: app)
            let results = try #require(
                (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["results"] as? [[String: Any]])
            #expect(!err && results.first?["slug"] as? String == "smollm3")
            let (_, wild) = try await Self.call("search_tools", ["query": "%"], app: app)
            #expect(wild.contains(#""results":[]"#), "a % matches only a literal %")
            let (_, free) = try await Self.call("search_tools", ["entry": "free", "verdict": "ship", "limit": 25], app: app)
            let frees = try #require(
                (try JSONSerialization.jsonObject(with: Data(free.utf8)) as? [String: Any])?["results"] as? [[String: Any]])
            #expect(
                !frees.isEmpty && frees.allSatisfy { $0["entry"] as? String == "free" && ($0["panel_ship_percent"] as? Int ?? 0) >= 50 })
            let (verr, verdict) = try await Self.call("get_verdict", ["slug": "gemini-2-5-flash"], app: app)
            #expect(
                !verr && verdict.contains(#""persona":"builder""#)
                    && verdict.contains(#""url":"http://127.0.0.1:8080/tools/gemini-2-5-flash""#))
            let (cerr, cost) = try await Self.call("cost_for_workload", ["tools": "gemini-2-5-flash", "preset": "hobby"], app: app)
            #expect(!cerr && cost.contains(#""status":"priced""#))
            let (bad, message) = try await Self.call("compare_tools", ["a": "gemini-2-5-flash", "b": "gemini-2-5-flash"], app: app)
            #expect(bad && message.contains("two different tools"))
        }
    }
}
