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
        var query = PanelJobModel.query(on: req.db).with(\.$tool).sort(\.$updatedAt, .descending).limit(200)
        if let slug = req.query[String.self, at: "tool"] {
            guard let tool = try await ToolModel.find(slug: slug, on: req.db) else {
                throw Abort(.notFound, reason: "No tool with slug '\(slug)'")
            }
            query = query.filter(\.$tool.$id == tool.id!)
        }
        let jobs = try await query.all().map {
            JobDTO(id: $0.id!, tool: $0.tool.slug, persona: $0.persona, backend: $0.backend, state: $0.state.rawValue,
                   attempts: $0.attempts, lastError: $0.lastError, updatedAt: $0.updatedAt)
        }
        let counts = try await PanelJobModel.counts(on: req.db)
        return JobList(counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }), jobs: jobs)
    }

    struct HistoryEntry: Content {
        var take: API.TakeDTO
        var current: Bool
        /// The verdict differs from this persona's previous take.
        var verdictChanged: Bool
        var createdAt: Date?
        var supersededAt: Date?
    }

    struct History: Content {
        var tool: String
        var history: [HistoryEntry]
    }

    func history(req: Request) async throws -> History {
        let slug = try req.parameters.require("slug")
        guard let tool = try await ToolModel.find(slug: slug, on: req.db), let id = tool.id else {
            throw Abort(.notFound, reason: "No tool with slug '\(slug)'")
        }
        let rows = try await TakeModel.query(on: req.db).filter(\.$tool.$id == id).sort(\.$createdAt).all()
        var previous: [String: String] = [:]
        var out: [HistoryEntry] = []
        for row in rows {
            let dto: API.TakeDTO
            if let take = row.take { dto = API.TakeDTO(take) } else if let a = row.abstention { dto = API.TakeDTO(a) } else { continue }
            let changed = previous[row.persona].map { $0 != row.verdict } ?? false
            previous[row.persona] = row.verdict
            out.append(HistoryEntry(take: dto, current: row.supersededAt == nil, verdictChanged: changed,
                                    createdAt: row.createdAt, supersededAt: row.supersededAt))
        }
        return History(tool: slug, history: out)
    }
}
