import Fluent
import Vapor
import VerdictCore

/// `verdict panel audit`: the take-quality measures (`TakeAudit`) over every listed tool's current
/// takes in this database: boilerplate, flip variety, contradictions, separation by category.
struct PanelAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        """
        Measures the current takes: boilerplate, flip variety, takes contradicting facts, category separation.
        Example: verdict panel audit
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        var panels: [(tool: Tool, takes: [Take])] = []
        var after: String?
        // Read a page of tools at a time: one query for their takes per page.
        while true {
            let page = try await ToolModel.listedBySlug(after: after, limit: 500, on: app.db)
            guard let last = page.last else { break }
            let takes = try await TakeModel.current(forTools: page.compactMap(\.id), on: app.db)
            panels += page.compactMap { model in model.id.map { (model.tool, takes[$0]?.takes ?? []) } }
            after = last.slug
        }
        for line in TakeAudit(panels).report { context.console.print(line) }
    }
}
