import Foundation
import Vapor
import VerdictCore

/// `/admin/…`: the editor's desk in the browser (session + CSRF token, see `Gatekeeper`).
/// Each handler decodes the form, calls the area's editorial service (as the admin API does)
/// and renders a `Desk` page or redirects back to one.
struct AdminController: Sendable {
    func home(req: Request) async throws -> Response {
        let desk = try Self.desk(req)
        var c = Desk.Counts()
        (c.tools, c.retired) = try await ToolDesk.counts(on: req.db)
        c.pending = try await Moderation.pendingCount(on: req.db)
        c.jobsQueued = try await PanelJobModel.counts(on: req.db)[.queued] ?? 0
        c.confirmedSubscribers = desk.role == .admin ? try await SubscriberDesk.confirmedCount(on: req.db) : 0
        c.moderation = try await EditorialSettings.moderatesModelTakes(on: req.db)
        return desk.home(c).response()
    }

    func tools(req: Request) async throws -> Response {
        try Self.desk(req).tools(try await ToolDesk.list(by: .name, on: req.db)).response()
    }

    func newTool(req: Request) async throws -> Response {
        try Self.desk(req).toolForm(
            slug: nil, values: ["entry": EntryTier.free.rawValue], facts: "", problems: [], retired: nil, takes: [],
            categories: try await ToolModel.categorySummaries(on: req.db).map(\.name)
        ).response()
    }

    func tool(req: Request) async throws -> Response {
        let model = try await ToolDesk.find(try req.toolSlug, on: req.db)
        let notice = req.queryValue("done").flatMap(DeskToolForm.notice)
        return try await toolPage(model, form: nil, problems: [], notice: notice, req: req)
    }

    func createTool(req: Request) async throws -> Response {
        try await saveTool(req, editing: nil)
    }

    func updateTool(req: Request) async throws -> Response {
        try await saveTool(req, editing: try await ToolDesk.find(try req.toolSlug, on: req.db))
    }

    func retire(req: Request) async throws -> Response {
        let model = try await ToolDesk.setRetired(true, slug: try req.toolSlug, actor: req.principal.actor, app: req.application)
        return Self.back(to: model.slug, done: "retired", req: req)
    }

    func restore(req: Request) async throws -> Response {
        let model = try await ToolDesk.setRetired(false, slug: try req.toolSlug, actor: req.principal.actor, app: req.application)
        return Self.back(to: model.slug, done: "restored", req: req)
    }

    func rerunPanel(req: Request) async throws -> Response {
        let slug = try req.toolSlug
        let result = try await ToolDesk.rerunPanel(slug: slug, actor: req.principal.actor, app: req.application)
        return Self.back(to: slug, done: result.backend == nil ? "rubric" : "queued", req: req)
    }

    func checkClaim(req: Request) async throws -> Response {
        let slug = try req.toolSlug
        let input = try req.content.decode(ClaimDesk.Input.self)
        do {
            // Shown on the public page as the email's local part: who checked, without publishing
            // an editor's address to scrapers.
            let checker = if case .person(let email, _) = req.principal { String(email.prefix { $0 != "@" }) } else { "an editor" }
            _ = try await ClaimDesk.check(slug: slug, input, checkedBy: checker, actor: req.principal.actor, app: req.application)
            return Self.back(to: slug, done: "claim", req: req)
        } catch let failure as ClaimDesk.Failure {
            return try await toolPage(
                try await ToolDesk.find(slug, on: req.db), form: nil, problems: [failure.reason], notice: nil, req: req,
                status: failure.status)
        }
    }

    func takes(req: Request) async throws -> Response {
        let notice = req.queryValue("done").flatMap(DeskToolForm.notice)
        return try Self.desk(req).moderation(
            pending: try await Moderation.reviews(status: .pending, limit: 200, on: req.db),
            decided: try await Moderation.recentlyDecided(limit: 20, on: req.db),
            enabled: try await EditorialSettings.moderatesModelTakes(on: req.db), notice: notice
        ).response()
    }

    struct ApproveForm: Content { var text: String? }

    func approve(req: Request) async throws -> Response {
        let id = try req.reviewID
        let text = try req.content.decode(ApproveForm.self).text.map(Moderation.editedText)
        try await Moderation.approve(
            id, editedText: text, actor: req.principal.actor, at: req.dependencies.clock.now(), on: req.db, changes: req.changes)
        return req.redirect(to: SiteURL.admin(.takes).path + "?done=approved", redirectType: .normal)
    }

    func reject(req: Request) async throws -> Response {
        try await Moderation.reject(try req.reviewID, actor: req.principal.actor, at: req.dependencies.clock.now(), on: req.db)
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
            let outcome = try await ImportDesk.run(
                data, name: name, checkOnly: form.check != nil, origin: .desk(actor: req.principal.actor), app: req.application)
            let queued = outcome.queued > 0 ? " Queued \(outcome.queued) panel jobs." : ""
            return desk.importPage(result: (outcome.written ? "Imported \(name): " : "") + outcome.summary + queued).response()
        } catch ToolEditing.Failure.invalid(let failure) {
            return desk.importPage(problems: failure.lines).response(status: .badRequest)
        }
    }

    func subscribers(req: Request) async throws -> Response {
        let offset = try req.offset()
        let rows = try await SubscriberDesk.page(state: nil, offset: offset, limit: 101, on: req.db)
        return try Self.desk(req).subscribers(
            counts: try await SubscriberDesk.counts(on: req.db), rows: Array(rows.prefix(100)), offset: offset, more: rows.count > 100
        ).response()
    }

    func sends(req: Request) async throws -> Response {
        try Self.desk(req).sends(try await SubscriberDesk.sends(on: req.db)).response()
    }

    func audit(req: Request) async throws -> Response {
        var filters: [String: String] = [:]
        for key in ["actor", "action", "subject"] {
            if let value = req.queryValue(key), !value.isEmpty { filters[key] = value }
        }
        let rows = try await Audit.entries(
            actor: filters["actor"], action: filters["action"], subject: filters["subject"], limit: 200, on: req.db)
        return try Self.desk(req).audit(try rows.map(AdminDTO.AuditEntry.init), filters: filters).response()
    }

    struct SettingsForm: Content { var moderate_llm_takes: String? }

    func updateSettings(req: Request) async throws -> Response {
        let on = try req.content.decode(SettingsForm.self).moderate_llm_takes == "1"
        try await EditorialSettings.setModeratesModelTakes(on, actor: req.principal.actor, at: req.dependencies.clock.now(), db: req.db)
        return req.redirect(to: SiteURL.admin(.home).path, redirectType: .normal)
    }
}

extension AdminController {
    /// The page frame for the signed-in person, with the session's form token.
    static func desk(_ req: Request) throws -> Desk {
        guard case .person(let email, let role) = req.principal, let session = req.session, let key = req.verdict.signingKey else {
            throw Abort(.unauthorized)
        }
        return Desk(email: email, role: role, csrf: Sessions.csrfToken(for: session, key: key))
    }

    static func back(to slug: String, done: String, req: Request) -> Response {
        req.redirect(to: SiteURL.admin(.tool(slug)).path + "?done=\(done)", redirectType: .normal)
    }

    private func saveTool(_ req: Request, editing model: ToolModel?) async throws -> Response {
        let form = try DeskToolForm(req)
        let categories = try await ToolModel.categorySummaries(on: req.db).map(\.name)
        // Editing keeps a tool's own category even where it is the only tool there.
        if let problem = form.categoryProblem(known: categories + [model?.category].compactMap { $0 }) {
            if let model {
                return try await toolPage(model, form: form, problems: [problem], notice: nil, req: req, status: .badRequest)
            }
            return try Self.desk(req).toolForm(
                slug: nil, values: form.values, facts: form.facts, problems: [problem], retired: nil, takes: [], categories: categories
            ).response(status: .badRequest)
        }
        do {
            let (actor, app) = (req.principal.actor, req.application)
            let saved: ToolModel
            if let model {
                saved = try await ToolDesk.update(model.slug, with: form.entry, source: "form", actor: actor, app: app)
            } else {
                saved = try await ToolDesk.create(form.entry, source: "form", actor: actor, app: app)
            }
            return Self.back(to: saved.slug, done: model == nil ? "created" : "saved", req: req)
        } catch let failure as ToolEditing.Failure {
            let problems: [String]
            if case .invalid(let f) = failure { problems = f.lines } else { problems = [failure.reason] }
            if let model {
                return try await toolPage(model, form: form, problems: problems, notice: nil, req: req, status: failure.status)
            }
            return try Self.desk(req).toolForm(
                slug: nil, values: form.values, facts: form.facts, problems: problems, retired: nil, takes: [], categories: categories
            )
            .response(status: failure.status)
        }
    }

    private func toolPage(
        _ model: ToolModel, form: DeskToolForm?, problems: [String], notice: String?, req: Request, status: HTTPStatus = .ok
    ) async throws -> Response {
        let tool = model.tool
        return try Self.desk(req).toolForm(
            slug: model.slug, values: form?.values ?? DeskToolForm.values(of: tool),
            facts: form?.facts ?? DeskToolForm.factsText(tool.facts), problems: problems, retired: model.retiredAt,
            takes: try await ToolDesk.panel(of: model, on: req.db), claims: tool.ledger, notice: notice,
            categories: try await ToolModel.categorySummaries(on: req.db).map(\.name)
        ).response(status: status)
    }
}
