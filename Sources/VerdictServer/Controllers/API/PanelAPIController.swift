import Fluent
import Vapor
import VerdictCore

/// `GET /api/v1/panel/jobs[?tool=slug]` and `GET /api/v1/tools/{slug}/history`.
struct PanelAPIController {
    struct JobDTO: Content {
        var id: UUID
        var tool: String
        var persona: String
        var backend: String
        var state: String
        var attempts: Int
        var lastError: String?
        var updatedAt: Date?
    }

    struct JobList: Content {
        var counts: [String: Int]
        var jobs: [JobDTO]
    }

    func jobs(req: Request) async throws -> JobList {
        var toolID: UUID?
        if let slug = req.queryValue("tool") {
            guard let tool = try await ToolModel.find(slug: slug, on: req.db) else {
                throw Abort(.notFound, reason: "No tool with slug '\(slug)'")
            }
            toolID = tool.id!
        }
        let jobs = try await PanelJobModel.recent(tool: toolID, limit: 200, on: req.db).map {
            JobDTO(
                id: $0.id!, tool: $0.tool.slug, persona: $0.persona, backend: $0.backend, state: $0.state.rawValue,
                attempts: $0.attempts, lastError: $0.lastError, updatedAt: $0.updatedAt)
        }
        let counts = try await PanelJobModel.counts(on: req.db)
        // Every state is listed, zeros included, so clients need not know the states in advance.
        let all = PanelJobModel.State.allCases.map { ($0.rawValue, counts[$0] ?? 0) }
        return JobList(counts: Dictionary(uniqueKeysWithValues: all), jobs: jobs)
    }

    struct History: Content {
        var tool: String
        var history: [TakeHistoryEntry]
    }

    func history(req: Request) async throws -> History {
        let slug = try req.parameters.require("slug")
        guard let tool = try await ToolModel.find(slug: slug, on: req.db), let id = tool.id else {
            throw Abort(.notFound, reason: "No tool with slug '\(slug)'")
        }
        return History(tool: slug, history: try await TakeModel.history(tool: id, on: req.db))
    }
}
