import MCP
import Vapor

/// `verdict mcp`: the Model Context Protocol over stdio (the official Swift SDK), answering
/// `search_tools`, `get_verdict`, `compare_tools` and `cost_for_workload` from the database in
/// `DATABASE_URL`. Logs go to standard error: standard output is the protocol's.
struct MCPCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Serves the Model Context Protocol over stdio: search_tools, get_verdict, compare_tools, cost_for_workload\nExample: DATABASE_URL=sqlite:/srv/verdict/verdict.sqlite verdict mcp"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let server = Server(
            name: "verdict", version: "1",
            instructions: "Verdicts on AI tools: a four-persona panel's takes, community votes, comparisons and costs.",
            capabilities: .init(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: VerdictMCP.tools) }
        await server.withMethodHandler(CallTool.self) { params in await VerdictMCP.call(params, app: app) }
        try await server.start(transport: StdioTransport())
        await server.waitUntilCompleted()
    }
}
