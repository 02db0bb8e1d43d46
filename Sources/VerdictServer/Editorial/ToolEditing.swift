import Fluent
import Foundation
import Vapor
import VerdictCore

/// Changes editors make to the catalog, shared by the desk's forms and the admin API: the same
/// validation as `verdict import`, one transaction each, and an audit entry for every change.
enum ToolEditing {
    enum Failure: AbortError {
        case invalid(ImportFailure)
        case exists(String)
        case notFound(String)
        case slugMismatch(path: String, body: String)

        var status: HTTPResponseStatus {
            switch self {
            case .invalid, .slugMismatch: .badRequest
            case .exists: .conflict
            case .notFound: .notFound
            }
        }

        var reason: String {
            switch self {
            case .invalid(let failure): failure.description
            case .exists(let slug): "A tool with slug \"\(slug)\" already exists; edit it instead."
            case .notFound(let slug): "No tool has the slug \"\(slug)\"."
            case .slugMismatch(let path, let body): "The slug in the body (\"\(body)\") differs from the URL's (\"\(path)\"); slugs cannot be renamed."
            }
        }
    }

    /// Validates one tool entry (an import file's `tools[]` item) and creates or updates it.
    /// `existing` is the slug being edited, nil to create.
    static func save(_ entry: ImportValue, editing existing: String?, source: String, actor: String, app: Application) async throws -> ToolModel {
        var entry = entry
        if let existing, case .map(var fields) = entry {
            if case .string(let given)? = fields["slug"], given != existing {
                throw Failure.slugMismatch(path: existing, body: given)
            }
            fields["slug"] = .string(existing)
            entry = .map(fields)
        }
        let known = try await ToolModel.allSlugs(on: app.db)
        let plan: CatalogImport
        do {
            plan = try CatalogImport.validate(.map(["tools": .list([entry])]), source: source, knownSlugs: known)
        } catch {
            throw Failure.invalid(error)
        }
        guard let tool = plan.tools.first else { throw Failure.invalid(ImportFailure(source: source, problems: [ImportProblem("tools", "no tool given")])) }
        if let existing {
            guard known.contains(existing) else { throw Failure.notFound(existing) }
        } else if known.contains(tool.slug) {
            throw Failure.exists(tool.slug)
        }
        let summary = try await CatalogImporter.apply(plan, asOf: app.verdict.clockMonth(), actor: actor, on: app.db)
        _ = try await app.queuePanel(after: summary)
        guard let model = try await ToolModel.find(slug: tool.slug, on: app.db) else { throw Failure.notFound(tool.slug) }
        return model
    }

    /// Retires (true) or restores (false) a tool: retired tools leave every listing, their pages stay.
    static func setRetired(_ retired: Bool, slug: String, actor: String, db: any Database) async throws -> ToolModel {
        try await db.transaction { tx in
            guard let model = try await ToolModel.find(slug: slug, on: tx) else { throw Failure.notFound(slug) }
            guard (model.retiredAt != nil) != retired else { return model }
            let before = model.retiredAt
            model.retiredAt = retired ? Date() : nil
            try await model.save(on: tx)
            try await Audit.record(
                actor, retired ? "tool.retired" : "tool.restored", subject: Audit.subject(tool: slug),
                before: Audit.json(["retired_at": before]), after: Audit.json(["retired_at": model.retiredAt]), on: tx)
            return model
        }
    }

    struct PanelRerun: Content {
        var queued: Int
        @ExplicitNull var backend: String?
        var rubricTakes: Int
    }

    /// Re-runs a tool's panel: queues every persona on the default model backend (even with
    /// unchanged facts), or re-runs the offline rubric when no backend is configured.
    static func rerunPanel(slug: String, actor: String, app: Application) async throws -> PanelRerun {
        guard let model = try await ToolModel.find(slug: slug, on: app.db), let id = model.id else { throw Failure.notFound(slug) }
        if let backend = app.panel.config.defaultBackend {
            let queued = try await app.db.transaction { tx in
                let n = try await PanelJobModel.enqueue(tools: [id], personas: Persona.allCases, backend: backend.name, force: true, on: tx)
                try await Audit.record(
                    actor, "panel.requested", subject: Audit.subject(tool: slug),
                    after: Audit.json(["backend": backend.name, "jobs": "\(n)"]), on: tx)
                return n
            }
            return PanelRerun(queued: queued, backend: backend.name, rubricTakes: 0)
        }
        let written = try await app.db.transaction { tx in
            try await RubricPanel.run(tools: [model], asOf: app.verdict.clockMonth(), on: tx)
        }
        return PanelRerun(queued: 0, backend: nil, rubricTakes: written)
    }

    struct ImportOutcome: Content {
        var tools: Int
        var takes: Int
        var written: Bool
        var summary: String
        var queued: Int
    }

    /// An import file from the browser or the API, validated exactly as `verdict import` does.
    static func importFile(_ data: Data, name: String, checkOnly: Bool, actor: String, app: Application) async throws -> ImportOutcome {
        let known = try await ToolModel.allSlugs(on: app.db)
        // Parsing and validating up to 8 MB runs on the thread pool, not on an event loop.
        let loaded: Result<CatalogImport, ImportFailure> = try await app.threadPool.runIfActive {
            do throws(ImportFailure) { return .success(try ImportFile.load(data, name: name, knownSlugs: known)) } catch { return .failure(error) }
        }
        let plan: CatalogImport
        switch loaded {
        case .success(let p): plan = p
        case .failure(let error): throw Failure.invalid(error)
        }
        if checkOnly {
            return ImportOutcome(
                tools: plan.tools.count, takes: plan.takes.count, written: false,
                summary: "\(name): valid (\(plan.tools.count) tools, \(plan.takes.count) takes); nothing written.", queued: 0)
        }
        let summary = try await CatalogImporter.apply(plan, asOf: app.verdict.clockMonth(), actor: actor, on: app.db)
        let queued = try await app.queuePanel(after: summary)
        return ImportOutcome(tools: plan.tools.count, takes: plan.takes.count, written: true, summary: summary.line, queued: queued)
    }

    /// The form or API view of a stored tool as an import entry (what an editor edits).
    static func entry(of tool: Tool) -> [String: String?] {
        [
            "slug": tool.slug, "name": tool.name, "vendor": tool.vendor, "category": tool.category, "tagline": tool.tagline,
            "description": tool.description, "entry": tool.entry.rawValue, "homepage": tool.homepage, "source_url": tool.sourceURL,
        ]
    }
}

extension Moderation.Failure: AbortError {
    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .alreadyDecided, .superseded: .conflict
        }
    }

    var reason: String {
        switch self {
        case .notFound: "No take under review has that id."
        case .alreadyDecided(let status): "That take was already decided (\(status))."
        case .superseded: "A newer take by this persona was published after this one was proposed; reject this one or re-run the panel."
        }
    }
}
