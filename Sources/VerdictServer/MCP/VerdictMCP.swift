import Fluent
import Foundation
import MCP
import Vapor
import VerdictCore

/// The Model Context Protocol tools `verdict mcp` serves: each answers from the same services as
/// the pages and the JSON API, as JSON text with links (`VERDICT_PUBLIC_URL`) and provenance
/// (which persona, which model or rubric, which date), so an assistant can cite the panel.
enum VerdictMCP {
    static let tools: [MCP.Tool] = [
        MCP.Tool(
            name: "search_tools",
            description:
                "Full-text search of Verdict's catalog (names, vendors, taglines, descriptions, takes; small typos in names forgiven) with filters. Exact names rank first, then name, vendor/tagline, text; then panel ship.",
            inputSchema: schema(
                [
                    "query": ("string", "Words to find"),
                    "category": ("string", "A category slug, e.g. language-models"),
                    "entry": ("string", "free, freemium, paid or contact"),
                    "open_weights": ("boolean", "Only tools whose weights are (true) or are not (false) published"),
                    "license": ("string", "A licence, e.g. apache-2.0"),
                    "modality": ("string", "An input or output modality: text, image, audio, video, code"),
                    "min_context": ("integer", "Minimum context window in tokens"),
                    "max_input_price": ("number", "Maximum headline price in USD (per 1M input tokens, second, image…)"),
                    "verdict": ("string", "The panel's verdict: ship (majority), split or skip"),
                    "min_community": ("integer", "Minimum community ship %"),
                    "released_after": ("string", "Launched after this month, YYYY-MM"),
                    "limit": ("integer", "At most this many results (1–25, default 10)"),
                ], required: [])),
        MCP.Tool(
            name: "get_verdict",
            description:
                "The panel's four takes on one tool (persona, verdict, conviction, text, author and date), the community vote, the claims with their status, and how fragile the figures are.",
            inputSchema: schema(["slug": ("string", "The tool's slug, e.g. gemini-2-5-flash")], required: ["slug"])),
        MCP.Tool(
            name: "compare_tools",
            description: "Which of two tools to ship with: the recommendation and its reason, the personas who split, both tools' figures.",
            inputSchema: schema(["a": ("string", "A tool slug"), "b": ("string", "Another tool slug")], required: ["a", "b"])),
        MCP.Tool(
            name: "cost_for_workload",
            description: "What a month would cost with each tool for a workload, from the cheapest published offer, with the arithmetic.",
            inputSchema: schema(
                [
                    "tools": ("string", "1 to 10 tool slugs, comma-separated"),
                    "preset": ("string", "hobby, startup or scale-up"),
                    "input_tokens": ("integer", "Input tokens a month"), "output_tokens": ("integer", "Output tokens a month"),
                    "cached_input_share": ("number", "Share of input served from cache, 0–1"),
                    "batch": ("boolean", "Batch jobs are fine"), "images": ("integer", "Images a month"),
                    "audio_seconds": ("integer", "Seconds of audio"), "video_seconds": ("integer", "Seconds of video"),
                    "seats": ("integer", "Seats"), "requests": ("integer", "Requests a month"),
                ], required: ["tools"])),
    ]

    static func schema(_ properties: [String: (type: String, description: String)], required: [String]) -> Value {
        .object([
            "type": .string("object"),
            "properties": .object(
                properties.mapValues { .object(["type": .string($0.type), "description": .string($0.description)]) }),
            "required": .array(required.map { .string($0) }),
        ])
    }

    /// One call: the tool's JSON answer, or an error result naming what was wrong (never a crash).
    static func call(_ params: CallTool.Parameters, app: Application) async -> CallTool.Result {
        let args = params.arguments ?? [:]
        do {
            let answer: Any
            switch params.name {
            case "search_tools": answer = try await MCPAnswers.search(args, app: app)
            case "get_verdict": answer = try await MCPAnswers.verdict(try string(args, "slug"), app: app)
            case "compare_tools": answer = try await MCPAnswers.compare(try string(args, "a"), try string(args, "b"), app: app)
            case "cost_for_workload": answer = try await MCPAnswers.cost(args, app: app)
            default: throw MCPAnswers.Problem("unknown tool '\(params.name.prefix(60))'")
            }
            let data = try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys, .withoutEscapingSlashes])
            return result(String(decoding: data, as: UTF8.self), isError: false)
        } catch let problem as MCPAnswers.Problem {
            return result(problem.message, isError: true)
        } catch let abort as any AbortError {
            return result(abort.reason, isError: true)
        } catch {
            return result("The catalog could not answer: \(error)", isError: true)
        }
    }

    static func result(_ text: String, isError: Bool) -> CallTool.Result {
        .init(content: [.text(text: text, annotations: nil, _meta: nil)], isError: isError)
    }

    static func string(_ args: [String: Value], _ name: String) throws -> String {
        guard let value = args[name]?.stringValue, !value.isEmpty else { throw MCPAnswers.Problem("'\(name)' is required") }
        return value
    }
}
