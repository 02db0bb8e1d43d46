import Fluent
import Foundation
import Vapor
import VerdictCore
import Yams

/// `/admin/…`: the editor's desk in the browser (session + CSRF token, see `Gatekeeper`).
/// Changes go through `ToolEditing` and `Moderation`, as the admin API's do.
struct AdminController: Sendable {
    func home(req: Request) async throws -> Response {
        let desk = try Self.desk(req)
        var c = Desk.Counts()
        c.tools = try await ToolModel.query(on: req.db).filter(\.$retiredAt == nil).count()
        c.retired = try await ToolModel.query(on: req.db).filter(\.$retiredAt != nil).count()
        c.pending = try await TakeReviewModel.query(on: req.db).filter(\.$statusRaw == TakeReviewModel.Status.pending.rawValue).count()
        c.jobsQueued = try await PanelJobModel.counts(on: req.db)[.queued] ?? 0
        c.confirmedSubscribers = desk.role == .admin
            ? try await SubscriberModel.query(on: req.db).filter(\.$stateRaw == SubscriberModel.State.confirmed.rawValue).count() : 0
        c.moderation = try await EditorialSettings.moderatesModelTakes(on: req.db)
        return desk.home(c).response()
    }

    func tools(req: Request) async throws -> Response {
        try Self.desk(req).tools(try await ToolModel.query(on: req.db).sort(\.$name).all()).response()
    }

    func newTool(req: Request) async throws -> Response {
        try Self.desk(req).toolForm(slug: nil, values: ["entry": EntryTier.free.rawValue], facts: "", problems: [], retired: nil, takes: []).response()
    }

    func tool(req: Request) async throws -> Response {
        let model = try await AdminAPIController.tool(req)
        let notice = req.query[String.self, at: "done"].flatMap(Self.notices)
        return try await toolPage(model, values: nil, facts: nil, problems: [], notice: notice, req: req)
    }

    func createTool(req: Request) async throws -> Response {
        try await saveTool(req, editing: nil)
    }

    func updateTool(req: Request) async throws -> Response {
        let model = try await AdminAPIController.tool(req)
        return try await saveTool(req, editing: model)
    }

    func retire(req: Request) async throws -> Response {
        let model = try await ToolEditing.setRetired(true, slug: try AdminAPIController.slug(req), actor: req.principal.actor, db: req.db)
        return Self.back(to: model.slug, done: "retired", req: req)
    }

    func restore(req: Request) async throws -> Response {
        let model = try await ToolEditing.setRetired(false, slug: try AdminAPIController.slug(req), actor: req.principal.actor, db: req.db)
        return Self.back(to: model.slug, done: "restored", req: req)
    }

    func rerunPanel(req: Request) async throws -> Response {
        let slug = try AdminAPIController.slug(req)
        let result = try await ToolEditing.rerunPanel(slug: slug, actor: req.principal.actor, app: req.application)
        return Self.back(to: slug, done: result.backend == nil ? "rubric" : "queued", req: req)
    }

    func takes(req: Request) async throws -> Response {
        let pending = try await AdminAPIController.reviews(status: .pending, limit: 200, on: req.db)
        var decided = try await AdminAPIController.reviews(status: .approved, limit: 20, on: req.db)
            + AdminAPIController.reviews(status: .rejected, limit: 20, on: req.db)
        decided.sort { ($0.decidedAt ?? .distantPast) > ($1.decidedAt ?? .distantPast) }
        let notice = req.query[String.self, at: "done"].flatMap(Self.notices)
        return try Self.desk(req).moderation(
            pending: pending, decided: Array(decided.prefix(20)),
            enabled: try await EditorialSettings.moderatesModelTakes(on: req.db), notice: notice).response()
    }

    struct ApproveForm: Content { var text: String? }

    func approve(req: Request) async throws -> Response {
        let id = try AdminAPIController.reviewID(req)
        let text = try req.content.decode(ApproveForm.self).text.map(AdminAPIController.validTakeText)
        try await Moderation.approve(id, editedText: text, actor: req.principal.actor, on: req.db)
        return req.redirect(to: SiteURL.admin(.takes).path + "?done=approved", redirectType: .normal)
    }

    func reject(req: Request) async throws -> Response {
        try await Moderation.reject(try AdminAPIController.reviewID(req), actor: req.principal.actor, on: req.db)
        return req.redirect(to: SiteURL.admin(.takes).path + "?done=rejected", redirectType: .normal)
    }

    func importPage(req: Request) async throws -> Response {
        try Self.desk(req).importPage().response()
    }

    struct ImportForm: Content {
        var file: File?
        var text: String?
        var check: String?
    }

    func importCatalog(req: Request) async throws -> Response {
        let desk = try Self.desk(req)
        let form = try req.content.decode(ImportForm.self)
        let data: Data
        let name: String
        if let file = form.file, file.data.readableBytes > 0 {
            data = Data(buffer: file.data)
            name = file.filename.isEmpty ? "uploaded file" : file.filename
        } else if let text = form.text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            data = Data(text.utf8)
            name = "pasted text"
        } else {
            return desk.importPage(problems: ["Choose a file or paste the file's text."]).response(status: .badRequest)
        }
        do {
            let outcome = try await ToolEditing.importFile(
                data, name: name, checkOnly: form.check != nil, actor: req.principal.actor, app: req.application)
            let queued = outcome.queued > 0 ? " Queued \(outcome.queued) panel jobs." : ""
            return desk.importPage(result: (outcome.written ? "Imported \(name): " : "") + outcome.summary + queued).response()
        } catch ToolEditing.Failure.invalid(let failure) {
            return desk.importPage(problems: failure.lines).response(status: .badRequest)
        }
    }

    func subscribers(req: Request) async throws -> Response {
        let offset = try AdminAPIController.offset(req)
        let rows = try await SubscriberModel.query(on: req.db).sort(\.$createdAt, .descending).sort(\.$email)
            .range(offset..<(offset + 101)).all()
        return try Self.desk(req).subscribers(
            counts: try await AdminAPIController.subscriberCounts(on: req.db),
            rows: rows.prefix(100).map(AdminDTO.Subscriber.init), offset: offset, more: rows.count > 100).response()
    }

    func sends(req: Request) async throws -> Response {
        try Self.desk(req).sends(try await AdminAPIController.sends(on: req.db)).response()
    }

    func audit(req: Request) async throws -> Response {
        var filters: [String: String] = [:]
        for key in ["actor", "action", "subject"] {
            if let value = req.query[String.self, at: key], !value.isEmpty { filters[key] = value }
        }
        let rows = try await Audit.entries(
            actor: filters["actor"], action: filters["action"], subject: filters["subject"], limit: 200, on: req.db)
        return try Self.desk(req).audit(rows.map(AdminDTO.AuditEntry.init), filters: filters).response()
    }

    struct SettingsForm: Content { var moderate_llm_takes: String? }

    func updateSettings(req: Request) async throws -> Response {
        let on = try req.content.decode(SettingsForm.self).moderate_llm_takes == "1"
        try await EditorialSettings.setModeratesModelTakes(on, actor: req.principal.actor, db: req.db)
        return req.redirect(to: SiteURL.admin(.home).path, redirectType: .normal)
    }
}

extension AdminController {
    static func desk(_ req: Request) throws -> Desk {
        guard case .person(let email, let role) = req.principal, let session = req.session, let key = req.verdict.signingKey else {
            throw Abort(.unauthorized)
        }
        return Desk(email: email, role: role, csrf: Sessions.csrfToken(for: session, key: key))
    }

    static func back(to slug: String, done: String, req: Request) -> Response {
        req.redirect(to: SiteURL.admin(.tool(slug)).path + "?done=\(done)", redirectType: .normal)
    }

    static func notices(_ done: String) -> String? {
        [
            "saved": "Saved. The rubric re-ran for the new facts; model personas are queued if a backend is configured.",
            "created": "Tool added.",
            "retired": "Retired: the tool left every listing; its page stays with a notice.",
            "restored": "Restored to listings.",
            "queued": "The panel is queued: every persona will be re-run by the worker.",
            "rubric": "The rubric panel re-ran (no model backend is configured).",
            "approved": "Approved and published.",
            "rejected": "Rejected; the persona keeps its previous take.",
        ][done]
    }

    /// The form's fields as an import entry; facts text parsed as YAML (JSON is YAML too).
    private func formEntry(_ req: Request) throws -> (ImportValue, [String: String], String) {
        let fields = try req.content.decode([String: String].self)
        var values: [String: String] = [:]
        var map: [String: ImportValue] = [:]
        for key in ["slug", "name", "vendor", "category", "tagline", "description", "entry", "homepage", "source_url"] {
            let value = (fields[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            values[key] = value
            if !value.isEmpty { map[key] = .string(value) }
        }
        let factsText = fields["facts"] ?? ""
        if !factsText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            do {
                map["facts"] = try ImportFile.yaml(factsText, source: "form", field: "facts")
            } catch {
                throw ToolEditing.Failure.invalid(error)
            }
        }
        return (.map(map), values, factsText)
    }

    private func saveTool(_ req: Request, editing model: ToolModel?) async throws -> Response {
        let (entry, values, factsText) = try formEntry(req)
        do {
            let saved = try await ToolEditing.save(entry, editing: model?.slug, source: "form", actor: req.principal.actor, app: req.application)
            return Self.back(to: saved.slug, done: model == nil ? "created" : "saved", req: req)
        } catch let failure as ToolEditing.Failure {
            let problems: [String]
            if case .invalid(let f) = failure { problems = f.lines } else { problems = [failure.reason] }
            if let model {
                return try await toolPage(model, values: values, facts: factsText, problems: problems, notice: nil, req: req, status: failure.status)
            }
            return try Self.desk(req).toolForm(slug: nil, values: values, facts: factsText, problems: problems, retired: nil, takes: [])
                .response(status: failure.status)
        }
    }

    private func toolPage(
        _ model: ToolModel, values: [String: String]?, facts: String?, problems: [String], notice: String?, req: Request,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let tool = model.tool
        let current = try await TakeModel.currentRows(tool: try model.requireID(), on: req.db)
        let takes = Persona.allCases.compactMap { p in current[p].map { (p.rawValue, $0.verdict, $0.source, $0.text) } }
        return try Self.desk(req).toolForm(
            slug: model.slug, values: values ?? ToolEditing.entry(of: tool).compactMapValues { $0 },
            facts: facts ?? Self.factsText(tool.facts), problems: problems, retired: model.retiredAt, takes: takes, notice: notice
        ).response(status: status)
    }

    /// The declared facts as pretty JSON (which the form reads back as YAML).
    static func factsText(_ facts: ToolFacts) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(facts), let text = String(data: data, encoding: .utf8), text != "{\n\n}" else { return "" }
        return text
    }
}
