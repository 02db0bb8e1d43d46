import Fluent
import Foundation
import Vapor
import VerdictCore

/// The tools area of the editor's desk, for the browser desk and the admin API alike: list,
/// add and edit (validated and written by `ToolEditing`, as an import is), retire, restore and
/// re-run the panel. Every change is one transaction with its audit entry.
enum ToolDesk {
    enum Order { case slug, name }

    static func list(by order: Order, on db: any Database) async throws -> [ToolModel] {
        switch order {
        case .slug: try await ToolModel.allBySlug(on: db)
        case .name: try await ToolModel.allByName(on: db)
        }
    }

    /// The tool with this slug, retired or not; `notFound` (404) otherwise.
    static func find(_ slug: String, on db: any Database) async throws -> ToolModel {
        guard let model = try await ToolModel.find(slug: slug, on: db) else { throw ToolEditing.Failure.notFound(slug) }
        return model
    }

    /// How many tools are listed and how many retired.
    static func counts(on db: any Database) async throws -> (listed: Int, retired: Int) {
        (try await ToolModel.count(retired: false, on: db), try await ToolModel.count(retired: true, on: db))
    }

    /// Adds the tool an import entry describes (a `tools[]` item); `exists` (409) if its slug is taken.
    static func create(_ entry: JSONValue, source: String, actor: String, app: Application) async throws -> ToolModel {
        try await ToolEditing.save(entry, editing: nil, source: source, actor: actor, app: app)
    }

    /// Replaces the tool's fields with the entry's; the slug cannot change (`notFound` if unknown).
    static func update(_ slug: String, with entry: JSONValue, source: String, actor: String, app: Application) async throws -> ToolModel {
        try await ToolEditing.save(entry, editing: slug, source: source, actor: actor, app: app)
    }

    /// A persona's current take as the desk shows it.
    struct PanelTake {
        var persona, verdict, source, text: String
    }

    /// The tool's current panel, in persona order.
    static func panel(of model: ToolModel, on db: any Database) async throws -> [PanelTake] {
        let current = try await TakeModel.currentRows(tool: try model.requireID(), on: db)
        return Persona.allCases.compactMap { p in
            current[p].map { PanelTake(persona: p.rawValue, verdict: $0.verdict, source: $0.source, text: $0.text) }
        }
    }

    /// Retires (true) or restores (false) a tool: retired tools leave every listing, their pages stay.
    static func setRetired(_ retired: Bool, slug: String, actor: String, app: Application) async throws -> ToolModel {
        let now = app.dependencies.clock.now()
        let (model, reweighed) = try await app.db.writeTransaction { tx in
            guard let model = try await ToolModel.find(slug: slug, on: tx) else { throw ToolEditing.Failure.notFound(slug) }
            let before = model.retiredAt
            let fields = try await RubricPanel.fields([model.categorySlug], asOf: AppClock.month(now), on: tx)
            guard try await ToolModel.setRetired(slug: slug, at: retired ? now : nil, now: now, on: tx) else {
                return (try await ToolModel.find(slug: slug, on: tx) ?? model, Set<UUID>())
            }
            model.retiredAt = retired ? now : nil
            try await CategoryListing.refresh([model.categorySlug], on: tx)
            try await Audit.record(
                actor, retired ? "tool.retired" : "tool.restored", subject: Audit.subject(tool: slug),
                before: Audit.json(["retired_at": retired ? nil : before]), after: Audit.json(["retired_at": model.retiredAt]),
                at: now, on: tx)
            // The category's field lost or regained a tool: its other tools are weighed again.
            let reweighed = try await RubricPanel.reweigh(
                fields, at: now, cause: retired ? "\(model.name) leaving the category" : "\(model.name) returning to the category", on: tx)
            return (model, reweighed)
        }
        await app.changes.toolsChanged([try model.requireID()] + Array(reweighed))
        return model
    }

    struct PanelRerun: Content {
        var queued: Int
        @ExplicitNull var backend: String?
        var rubricTakes: Int
    }

    /// Re-runs a tool's panel: queues every persona on the default model backend (even with
    /// unchanged facts), or re-runs the offline rubric when no backend is configured.
    static func rerunPanel(slug: String, actor: String, app: Application) async throws -> PanelRerun {
        let model = try await find(slug, on: app.db)
        let id = try model.requireID()
        if let backend = app.panel.config.defaultBackend {
            let queued = try await app.db.writeTransaction { tx in
                let n = try await PanelJobModel.enqueue(tools: [id], personas: Persona.allCases, backend: backend.name, force: true, on: tx)
                try await Audit.record(
                    actor, "panel.requested", subject: Audit.subject(tool: slug),
                    after: Audit.json(["backend": backend.name, "jobs": "\(n)"]), at: app.dependencies.clock.now(), on: tx)
                return n
            }
            return PanelRerun(queued: queued, backend: backend.name, rubricTakes: 0)
        }
        let written = try await app.db.writeTransaction { tx in
            let written = try await RubricPanel.run(tools: [model], at: app.dependencies.clock.now(), on: tx)
            try await ToolModel.refreshRanking([id], at: app.dependencies.clock.now(), cause: "the rubric, re-run by an editor", on: tx)
            return written
        }
        await app.changes.standingsChanged([id])
        return PanelRerun(queued: 0, backend: nil, rubricTakes: written)
    }
}
