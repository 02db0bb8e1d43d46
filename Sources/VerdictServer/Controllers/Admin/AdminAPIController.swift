import Foundation
import Vapor
import VerdictCore

/// `/api/v1/admin/…`: the editor's desk for scripts, behind bearer tokens (see `Gatekeeper`).
/// Each handler decodes the request, calls the area's editorial service and returns its DTO.
struct AdminAPIController: Sendable {
    func tools(req: Request) async throws -> AdminDTO.ToolList {
        AdminDTO.ToolList(tools: try await ToolDesk.list(by: .slug, on: req.db).map(AdminDTO.Tool.init))
    }

    func tool(req: Request) async throws -> AdminDTO.Tool {
        AdminDTO.Tool(try await ToolDesk.find(try req.toolSlug, on: req.db))
    }

    func createTool(req: Request) async throws -> Response {
        let model = try await ToolDesk.create(try Self.entry(req), source: "request body", actor: req.principal.actor, app: req.application)
        return try await AdminDTO.Tool(model).encodeResponse(status: .created, for: req)
    }

    func updateTool(req: Request) async throws -> AdminDTO.Tool {
        let slug = try req.toolSlug
        _ = try await ToolDesk.find(slug, on: req.db)  // 404 before the body is judged
        return AdminDTO.Tool(
            try await ToolDesk.update(
                slug, with: try Self.entry(req), source: "request body", actor: req.principal.actor, app: req.application))
    }

    func retire(req: Request) async throws -> AdminDTO.Tool {
        AdminDTO.Tool(try await ToolDesk.setRetired(true, slug: try req.toolSlug, actor: req.principal.actor, app: req.application))
    }

    func restore(req: Request) async throws -> AdminDTO.Tool {
        AdminDTO.Tool(try await ToolDesk.setRetired(false, slug: try req.toolSlug, actor: req.principal.actor, app: req.application))
    }

    func rerunPanel(req: Request) async throws -> Response {
        let result = try await ToolDesk.rerunPanel(slug: try req.toolSlug, actor: req.principal.actor, app: req.application)
        return try await result.encodeResponse(status: .accepted, for: req)
    }

    func takes(req: Request) async throws -> AdminDTO.ReviewList {
        let raw = req.queryValue("status") ?? "pending"
        guard let status = TakeReviewModel.Status(rawValue: raw) else {
            throw Abort(.badRequest, reason: "status must be pending, approved or rejected; got \"\(raw.prefix(40))\"")
        }
        let limit = try req.limit(default: 100, max: 200)
        return AdminDTO.ReviewList(takes: try await Moderation.reviews(status: status, limit: limit, on: req.db))
    }

    func approve(req: Request) async throws -> AdminDTO.Review {
        let id = try req.reviewID
        var edited: String?
        if req.body.data.map({ $0.readableBytes > 0 }) ?? false {
            let body = try req.content.decode(AdminDTO.ApproveBody.self)
            if let text = body.text {
                edited = try Moderation.editedText(text)
            }
        }
        let review = try await Moderation.approve(
            id, editedText: edited, actor: req.principal.actor, at: req.dependencies.clock.now(), on: req.db, changes: req.changes)
        return try await Moderation.review(review, on: req.db)
    }

    func reject(req: Request) async throws -> AdminDTO.Review {
        let review = try await Moderation.reject(try req.reviewID, actor: req.principal.actor, at: req.dependencies.clock.now(), on: req.db)
        return try await Moderation.review(review, on: req.db)
    }

    func importCatalog(req: Request) async throws -> ImportDesk.Outcome {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw Abort(.badRequest, reason: "The request body is empty; send the catalog file's text (YAML or JSON).")
        }
        let check = try req.flag("check")
        let name = req.headers.contentType == .json ? "request body (JSON)" : "request body"
        return try await ImportDesk.run(
            Data(buffer: buffer), name: name, checkOnly: check, origin: .api(actor: req.principal.actor), app: req.application)
    }

    func audit(req: Request) async throws -> AdminDTO.AuditList {
        var before: Date?
        if let raw = req.queryValue("before") {
            guard let date = ISO8601DateFormatter().date(from: raw) else {
                throw Abort(
                    .badRequest, reason: "before must be an ISO-8601 date-time like 2026-11-25T18:00:00Z; got \"\(raw.prefix(40))\"")
            }
            before = date
        }
        let rows = try await Audit.entries(
            actor: req.queryValue("actor"), action: req.queryValue("action"),
            subject: req.queryValue("subject"), before: before, limit: try req.limit(default: 100, max: 500),
            on: req.db)
        return AdminDTO.AuditList(entries: try rows.map(AdminDTO.AuditEntry.init))
    }

    func subscribers(req: Request) async throws -> AdminDTO.SubscriberList {
        var state: SubscriberModel.State?
        if let raw = req.queryValue("status") {
            guard let known = SubscriberModel.State(rawValue: raw) else {
                throw Abort(.badRequest, reason: "status must be pending, confirmed, unsubscribed or bounced; got \"\(raw.prefix(40))\"")
            }
            state = known
        }
        let limit = try req.limit(default: 100, max: 500)
        let rows = try await SubscriberDesk.page(state: state, offset: try req.offset(), limit: limit, on: req.db)
        return AdminDTO.SubscriberList(counts: try await SubscriberDesk.counts(on: req.db), subscribers: rows)
    }

    func sends(req: Request) async throws -> AdminDTO.SendList {
        AdminDTO.SendList(issues: try await SubscriberDesk.sends(on: req.db))
    }

    func settings(req: Request) async throws -> AdminDTO.Settings {
        AdminDTO.Settings(moderateLlmTakes: try await EditorialSettings.moderatesModelTakes(on: req.db))
    }

    func updateSettings(req: Request) async throws -> AdminDTO.Settings {
        // Read strictly: a misspelt or unknown setting is an error, not silently ignored.
        guard let buffer = req.body.data, buffer.readableBytes > 0,
            let fields = try? JSONDecoder().decode([String: JSONValue].self, from: Data(buffer: buffer))
        else {
            throw Abort(.badRequest, reason: "The body must be a JSON object like {\"moderate_llm_takes\": true}.")
        }
        let unknown = Set(fields.keys).subtracting([EditorialSettings.moderateKey])
        guard unknown.isEmpty else {
            throw Abort(
                .badRequest,
                reason: "Unknown setting(s): \(unknown.sorted().joined(separator: ", ")); known: \(EditorialSettings.moderateKey)")
        }
        guard case .bool(let on)? = fields[EditorialSettings.moderateKey] else {
            throw Abort(.badRequest, reason: "\(EditorialSettings.moderateKey) must be true or false.")
        }
        try await EditorialSettings.setModeratesModelTakes(on, actor: req.principal.actor, at: req.dependencies.clock.now(), db: req.db)
        return AdminDTO.Settings(moderateLlmTakes: try await EditorialSettings.moderatesModelTakes(on: req.db))
    }

    /// The body as one tool entry (an import file's `tools[]` item).
    private static func entry(_ req: Request) throws -> JSONValue {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw Abort(
                .badRequest, reason: "The request body is empty; send one tool as JSON (the fields of an import file's tools[] entry).")
        }
        do {
            return try CatalogImport.parseJSON(Data(buffer: buffer), source: "request body")
        } catch {
            throw ToolEditing.Failure.invalid(error)
        }
    }
}
