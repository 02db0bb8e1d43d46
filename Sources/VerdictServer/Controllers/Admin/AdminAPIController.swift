import Fluent
import FluentSQL
import Foundation
import Vapor
import VerdictCore

/// `/api/v1/admin/…`: the editor's desk for scripts, behind bearer tokens (see `Gatekeeper`).
struct AdminAPIController: Sendable {
    func tools(req: Request) async throws -> AdminDTO.ToolList {
        AdminDTO.ToolList(tools: try await ToolModel.query(on: req.db).sort(\.$slug).all().map(AdminDTO.Tool.init))
    }

    func tool(req: Request) async throws -> AdminDTO.Tool {
        AdminDTO.Tool(try await Self.tool(req))
    }

    func createTool(req: Request) async throws -> Response {
        let model = try await ToolEditing.save(try Self.entry(req), editing: nil, source: "request body", actor: req.principal.actor, app: req.application)
        return try await AdminDTO.Tool(model).encodeResponse(status: .created, for: req)
    }

    func updateTool(req: Request) async throws -> AdminDTO.Tool {
        let slug = try Self.slug(req)
        guard try await ToolModel.find(slug: slug, on: req.db) != nil else { throw ToolEditing.Failure.notFound(slug) }
        return AdminDTO.Tool(try await ToolEditing.save(try Self.entry(req), editing: slug, source: "request body", actor: req.principal.actor, app: req.application))
    }

    func retire(req: Request) async throws -> AdminDTO.Tool {
        AdminDTO.Tool(try await ToolEditing.setRetired(true, slug: try Self.slug(req), actor: req.principal.actor, db: req.db))
    }

    func restore(req: Request) async throws -> AdminDTO.Tool {
        AdminDTO.Tool(try await ToolEditing.setRetired(false, slug: try Self.slug(req), actor: req.principal.actor, db: req.db))
    }

    func rerunPanel(req: Request) async throws -> Response {
        let result = try await ToolEditing.rerunPanel(slug: try Self.slug(req), actor: req.principal.actor, app: req.application)
        return try await result.encodeResponse(status: .accepted, for: req)
    }

    func takes(req: Request) async throws -> AdminDTO.ReviewList {
        let raw = req.query[String.self, at: "status"] ?? "pending"
        guard let status = TakeReviewModel.Status(rawValue: raw) else {
            throw Abort(.badRequest, reason: "status must be pending, approved or rejected; got \"\(raw.prefix(40))\"")
        }
        let limit = try Self.limit(req, default: 100, max: 200)
        return AdminDTO.ReviewList(takes: try await Self.reviews(status: status, limit: limit, on: req.db))
    }

    func approve(req: Request) async throws -> AdminDTO.Review {
        let id = try Self.reviewID(req)
        var edited: String?
        if req.body.data.map({ $0.readableBytes > 0 }) ?? false {
            let body = try req.content.decode(AdminDTO.ApproveBody.self)
            if let text = body.text {
                edited = try Self.validTakeText(text)
            }
        }
        let review = try await Moderation.approve(id, editedText: edited, actor: req.principal.actor, on: req.db)
        return try await Self.dto(review, on: req.db)
    }

    func reject(req: Request) async throws -> AdminDTO.Review {
        let review = try await Moderation.reject(try Self.reviewID(req), actor: req.principal.actor, on: req.db)
        return try await Self.dto(review, on: req.db)
    }

    func importCatalog(req: Request) async throws -> ToolEditing.ImportOutcome {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw Abort(.badRequest, reason: "The request body is empty; send the catalog file's text (YAML or JSON).")
        }
        let check = try Self.flag(req, "check")
        let name = req.headers.contentType == .json ? "request body (JSON)" : "request body"
        return try await ToolEditing.importFile(
            Data(buffer: buffer), name: name, checkOnly: check, actor: req.principal.actor, app: req.application)
    }

    func audit(req: Request) async throws -> AdminDTO.AuditList {
        var before: Date?
        if let raw = req.query[String.self, at: "before"] {
            guard let date = ISO8601DateFormatter().date(from: raw) else {
                throw Abort(.badRequest, reason: "before must be an ISO-8601 date-time like 2026-11-25T18:00:00Z; got \"\(raw.prefix(40))\"")
            }
            before = date
        }
        let rows = try await Audit.entries(
            actor: req.query[String.self, at: "actor"], action: req.query[String.self, at: "action"],
            subject: req.query[String.self, at: "subject"], before: before, limit: try Self.limit(req, default: 100, max: 500),
            on: req.db)
        return AdminDTO.AuditList(entries: rows.map(AdminDTO.AuditEntry.init))
    }

    func subscribers(req: Request) async throws -> AdminDTO.SubscriberList {
        var query = SubscriberModel.query(on: req.db)
        if let raw = req.query[String.self, at: "status"] {
            guard SubscriberModel.State(rawValue: raw) != nil else {
                throw Abort(.badRequest, reason: "status must be pending, confirmed, unsubscribed or bounced; got \"\(raw.prefix(40))\"")
            }
            query = query.filter(\.$stateRaw == raw)
        }
        let limit = try Self.limit(req, default: 100, max: 500)
        let offset = try Self.offset(req)
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$email).range(offset..<(offset + limit)).all()
        return AdminDTO.SubscriberList(counts: try await Self.subscriberCounts(on: req.db), subscribers: rows.map(AdminDTO.Subscriber.init))
    }

    func sends(req: Request) async throws -> AdminDTO.SendList {
        AdminDTO.SendList(issues: try await Self.sends(on: req.db))
    }

    func settings(req: Request) async throws -> AdminDTO.Settings {
        AdminDTO.Settings(moderateLlmTakes: try await EditorialSettings.moderatesModelTakes(on: req.db))
    }

    func updateSettings(req: Request) async throws -> AdminDTO.Settings {
        // Read strictly: a misspelt or unknown setting is an error, not silently ignored.
        guard let buffer = req.body.data, buffer.readableBytes > 0,
              let fields = try? JSONDecoder().decode([String: ImportValue].self, from: Data(buffer: buffer)) else {
            throw Abort(.badRequest, reason: "The body must be a JSON object like {\"moderate_llm_takes\": true}.")
        }
        let unknown = Set(fields.keys).subtracting([EditorialSettings.moderateKey])
        guard unknown.isEmpty else {
            throw Abort(.badRequest, reason: "Unknown setting(s): \(unknown.sorted().joined(separator: ", ")); known: \(EditorialSettings.moderateKey)")
        }
        guard case .bool(let on)? = fields[EditorialSettings.moderateKey] else {
            throw Abort(.badRequest, reason: "\(EditorialSettings.moderateKey) must be true or false.")
        }
        try await EditorialSettings.setModeratesModelTakes(on, actor: req.principal.actor, db: req.db)
        return AdminDTO.Settings(moderateLlmTakes: try await EditorialSettings.moderatesModelTakes(on: req.db))
    }
}

/// Reading requests and loading lists; shared with the desk's pages.
extension AdminAPIController {
    static func slug(_ req: Request) throws -> String {
        guard let slug = req.parameters.get("slug") else { throw Abort(.badRequest, reason: "missing tool slug") }
        return slug
    }

    static func tool(_ req: Request) async throws -> ToolModel {
        let slug = try slug(req)
        guard let model = try await ToolModel.find(slug: slug, on: req.db) else { throw ToolEditing.Failure.notFound(slug) }
        return model
    }

    static func entry(_ req: Request) throws -> ImportValue {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw Abort(.badRequest, reason: "The request body is empty; send one tool as JSON (the fields of an import file's tools[] entry).")
        }
        do {
            return try CatalogImport.parseJSON(Data(buffer: buffer), source: "request body")
        } catch {
            throw ToolEditing.Failure.invalid(error)
        }
    }

    static func reviewID(_ req: Request) throws -> UUID {
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw) else {
            throw Abort(.badRequest, reason: "The take id must be a UUID.")
        }
        return id
    }

    static func limit(_ req: Request, default value: Int, max: Int) throws -> Int {
        guard let raw = req.query[String.self, at: "limit"] else { return value }
        guard let n = Int(raw), (1...max).contains(n) else {
            throw Abort(.badRequest, reason: "limit must be a whole number from 1 to \(max); got \"\(raw.prefix(20))\"")
        }
        return n
    }

    /// Where a page of a list starts: 0 to 10,000,000 (bounded, so `offset + limit` cannot overflow).
    static func offset(_ req: Request) throws -> Int {
        guard let raw = req.query[String.self, at: "offset"] else { return 0 }
        guard let n = Int(raw), (0...10_000_000).contains(n) else {
            throw Abort(.badRequest, reason: "offset must be a whole number from 0 to 10000000; got \"\(raw.prefix(20))\"")
        }
        return n
    }

    static func flag(_ req: Request, _ name: String) throws -> Bool {
        guard let raw = req.query[String.self, at: name] else { return false }
        switch raw.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off", "": return false
        default: throw Abort(.badRequest, reason: "\(name) must be true or false; got \"\(raw.prefix(20))\"")
        }
    }

    /// Take text an editor wrote: cleaned like imported text, 1…4000 characters.
    static func validTakeText(_ text: String) throws -> String {
        let cleaned = TextCleaning.clean(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleaned.isEmpty, cleaned.count <= 4000 else {
            throw Abort(.badRequest, reason: "The take's text must have 1 to 4000 characters; it has \(cleaned.count).")
        }
        return cleaned
    }

    static func reviews(status: TakeReviewModel.Status, limit: Int, on db: any Database) async throws -> [AdminDTO.Review] {
        let rows = try await TakeReviewModel.query(on: db).filter(\.$statusRaw == status.rawValue)
            .sort(\.$createdAt, status == .pending ? .ascending : .descending).limit(limit).with(\.$tool).all()
        return rows.map { AdminDTO.Review($0, slug: $0.tool.slug) }
    }

    static func dto(_ review: TakeReviewModel, on db: any Database) async throws -> AdminDTO.Review {
        AdminDTO.Review(review, slug: try await ToolModel.find(review.$tool.id, on: db)?.slug ?? "")
    }

    static func subscriberCounts(on db: any Database) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for state in [SubscriberModel.State.pending, .confirmed, .unsubscribed, .bounced] {
            counts[state.rawValue] = try await SubscriberModel.query(on: db).filter(\.$stateRaw == state.rawValue).count()
        }
        return counts
    }

    static func sends(on db: any Database) async throws -> [AdminDTO.Send] {
        let issues = try await NewsletterIssueModel.query(on: db).sort(\.$week, .descending).limit(100).all()
        let ids = issues.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        // One grouped count for every issue and state (the deliveries_pending index covers it).
        struct Tally: Decodable { var issueId: UUID; var state: String; var n: Int }
        let rows = try await db.sql().select().column("issue_id").column("state").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(DeliveryModel.schema).where("issue_id", .in, ids).groupBy("issue_id").groupBy("state")
            .all(decoding: Tally.self, keyDecodingStrategy: .convertFromSnakeCase)
        var counts: [UUID: [String: Int]] = [:]
        for row in rows { counts[row.issueId, default: [:]][row.state] = row.n }
        return issues.map { issue in
            let c = counts[issue.id ?? UUID()] ?? [:]
            return AdminDTO.Send(
                week: issue.week, subject: issue.subject, createdAt: issue.composedAt ?? Date(timeIntervalSince1970: 0),
                sent: c["sent"] ?? 0, pending: c["pending"] ?? 0, failed: c["failed"] ?? 0)
        }
    }
}
