import Fluent
import FluentSQL
import Foundation
import Vapor
import VerdictCore

/// The intake queue on the desk: tools suggested by readers, submitted by vendors or added by an
/// editor from a URL, waiting for an editor to accept (the tool is created and the panel runs),
/// merge into an existing tool, or reject. Every decision is audited; a decision is taken once,
/// even when two editors (or two servers) press at the same moment.
enum IntakeQueue {
    static let schema = "intake_entries"

    enum Kind: String, Codable, Sendable {
        /// A reader's suggestion from `/suggest`.
        case suggestion
        /// `/suggest` by someone who says they speak for the vendor.
        case vendor
        /// An editor's "Add from URL" on the desk.
        case editor
        /// A new model from a dataset sync, held unlisted (`VERDICT_SYNC_HOLD_NEW`): its tool exists
        /// with its records, offers and rubric takes; accepting lists it.
        case dataset
    }

    enum Status: String, Codable, Sendable {
        case pending, accepted, merged, rejected
    }

    struct Entry: Decodable, Sendable {
        var id: UUID
        var kind: String
        var name: String
        var url: String
        var category: String
        var reason: String
        var vendor_submitted: Bool
        var status: String
        var tool_id: UUID?
        var created_at: Date
        var decided_at: Date?
        var decided_by: String?
    }

    static func submit(_ suggestion: Suggestion, kind: Kind, network: String?, at now: Date, on db: any Database) async throws -> UUID {
        let id = UUID()
        try await db.sql().insert(into: schema)
            .columns("id", "kind", "name", "url", "category", "reason", "vendor_submitted", "network", "status", "created_at")
            .values(
                SQLBind(id), SQLBind(kind.rawValue), SQLBind(suggestion.name), SQLBind(suggestion.url), SQLBind(suggestion.category),
                SQLBind(suggestion.reason), SQLBind(suggestion.vendorSubmitted), SQLBind(network), SQLBind(Status.pending.rawValue),
                SQLBind(now)
            ).run()
        return id
    }

    /// Pending entries, oldest first, then the latest decided ones.
    static func entries(status: Status?, limit: Int, on db: any Database) async throws -> [Entry] {
        var query = db.sql().select()
            .columns(
                "id", "kind", "name", "url", "category", "reason", "vendor_submitted", "status", "tool_id", "created_at", "decided_at",
                "decided_by"
            )
            .from(schema)
        if let status { query = query.where("status", .equal, SQLBind(status.rawValue)) }
        return try await query.orderBy("created_at", status == .pending ? .ascending : .descending).limit(limit).all(decoding: Entry.self)
    }

    static func pendingCount(on db: any Database) async throws -> Int {
        try await db.sql().select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(schema)
            .where("status", .equal, SQLBind(Status.pending.rawValue)).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// True while a sync holds the tool unlisted for an editor, or after an editor rejected it:
    /// its page is not public.
    static func isHeld(tool: UUID, on db: any Database) async throws -> Bool {
        try await db.sql().select().column("id").from(schema).where("tool_id", .equal, SQLBind(tool))
            .where("kind", .equal, SQLBind(Kind.dataset.rawValue)).where("status", .notEqual, SQLBind(Status.accepted.rawValue))
            .first() != nil
    }

    static func find(_ id: UUID, on db: any Database) async throws -> Entry? {
        try await entries(id: id, on: db)
    }

    private static func entries(id: UUID, on db: any Database) async throws -> Entry? {
        try await db.sql().select()
            .columns(
                "id", "kind", "name", "url", "category", "reason", "vendor_submitted", "status", "tool_id", "created_at", "decided_at",
                "decided_by"
            )
            .from(schema).where("id", .equal, SQLBind(id)).first(decoding: Entry.self)
    }

    enum Failure: Error, Sendable {
        case notFound
        /// Someone decided it first.
        case alreadyDecided(String)
        case invalid(String)
    }

    /// Marks a pending entry decided; false when it was not pending any more.
    private static func claim(_ id: UUID, as status: Status, tool: UUID?, actor: String, at now: Date, on db: any Database) async throws
        -> Bool
    {
        var update = db.sql().update(schema)
            .set("status", to: SQLBind(status.rawValue)).set("decided_at", to: SQLBind(now)).set("decided_by", to: SQLBind(actor))
        if let tool { update = update.set("tool_id", to: SQLBind(tool)) }
        let rows =
            try await update
            .where("id", .equal, SQLBind(id)).where("status", .equal, SQLBind(Status.pending.rawValue))
            .returning("id").all()
        return !rows.isEmpty
    }

    static func reject(_ id: UUID, actor: String, at now: Date, on db: any Database) async throws(Failure) {
        do {
            try await db.writeTransaction { tx in
                guard let entry = try await entries(id: id, on: tx) else { throw Failure.notFound }
                guard try await claim(id, as: .rejected, tool: nil, actor: actor, at: now, on: tx) else {
                    throw Failure.alreadyDecided(entry.status)
                }
                try await Audit.record(
                    actor, "intake.rejected", subject: "intake:\(id)", before: Audit.json(["name": entry.name, "url": entry.url]), at: now,
                    on: tx)
            }
        } catch let failure as Failure { throw failure } catch { throw .invalid("\(error)") }
    }

    /// Records that the entry is an existing tool (the reader suggested what we list already).
    static func merge(_ id: UUID, into slug: String, actor: String, at now: Date, on db: any Database) async throws(Failure) {
        do {
            try await db.writeTransaction { tx in
                guard let entry = try await entries(id: id, on: tx) else { throw Failure.notFound }
                guard let tool = try await ToolModel.find(slug: slug, on: tx) else {
                    throw Failure.invalid("there is no tool '\(slug)' to merge into")
                }
                guard try await claim(id, as: .merged, tool: tool.id, actor: actor, at: now, on: tx) else {
                    throw Failure.alreadyDecided(entry.status)
                }
                try await Audit.record(
                    actor, "intake.merged", subject: "intake:\(id)", after: Audit.json(["into": slug, "name": entry.name]), at: now, on: tx)
            }
        } catch let failure as Failure { throw failure } catch { throw .invalid("\(error)") }
    }

    /// Lists a tool a sync held: restored to listings, with its "added" event, once.
    private static func publishHeld(_ entry: Entry, tool toolID: UUID, actor: String, app: Application) async throws -> String {
        let now = app.dependencies.clock.now()
        guard let model = try await ToolModel.find(toolID, on: app.db) else { throw Failure.invalid("the held tool is gone") }
        guard try await claim(entry.id, as: .accepted, tool: toolID, actor: actor, at: now, on: app.db) else {
            throw Failure.alreadyDecided("decided")
        }
        // The event first: restoring publishes the change, and the tool page's kept data must
        // not be loaded between the two.
        try await CatalogEvents.insert(
            [CatalogEvents.Event(kind: .added, tool: toolID, categorySlug: model.categorySlug, text: model.name)], at: now, on: app.db)
        _ = try await ToolDesk.setRetired(false, slug: model.slug, actor: actor, app: app)
        try await Audit.record(
            actor, "intake.accepted", subject: "intake:\(entry.id)", after: Audit.json(["tool": model.slug]), at: now, on: app.db)
        return model.slug
    }

    /// Publishes the entry as a new tool through the import pipeline (rubric written, panel
    /// queued), in `category` (an existing category's name, or a new one the editor typed on
    /// purpose), labelled vendor-submitted when the submitter spoke for the vendor.
    static func accept(
        _ id: UUID, slug: String, category: String, actor: String, app: Application
    ) async throws(Failure) -> String {
        let db = app.db
        let now = app.dependencies.clock.now()
        do {
            guard let entry = try await entries(id: id, on: db) else { throw Failure.notFound }
            guard entry.status == Status.pending.rawValue else { throw Failure.alreadyDecided(entry.status) }
            if entry.kind == Kind.dataset.rawValue, let toolID = entry.tool_id {
                return try await publishHeld(entry, tool: toolID, actor: actor, app: app)
            }
            var tool: [String: JSONValue] = [
                "slug": .string(slug), "name": .string(entry.name), "category": .string(category), "homepage": .string(entry.url),
                "entry": .string(EntryTier.contact.rawValue),
                "description": .string(
                    "\(entry.name) was \(entry.kind == Kind.editor.rawValue ? "added by an editor" : entry.vendor_submitted ? "submitted by its vendor" : "suggested by a reader"); "
                        + "its facts are not yet declared. Why it was put forward: \(entry.reason)"),
            ]
            if entry.vendor_submitted { tool["listing"] = .string(Listing.vendorSubmitted.rawValue) }
            let known = try await ToolModel.allSlugs(on: db)
            guard !known.contains(slug) else {
                throw Failure.invalid("the slug '\(slug)' is taken; merge into that tool or choose another slug")
            }
            let plan: CatalogImport
            do throws(ImportFailure) {
                plan = try CatalogImport.validate(.object(["tools": .array([.object(tool)])]), source: "intake entry", knownSlugs: known)
            } catch {
                throw Failure.invalid(error.problems.map(\.description).joined(separator: "; "))
            }
            // Claimed first, so two editors cannot both publish it; given back if the write fails.
            guard try await claim(id, as: .accepted, tool: nil, actor: actor, at: now, on: db) else {
                throw Failure.alreadyDecided("decided")
            }
            do {
                _ = try await app.importPipeline.write(plan, origin: .edit(actor: actor))
                let created = try await ToolModel.find(slug: slug, on: db)
                try await db.sql().update(schema).set("tool_id", to: SQLBind(created?.id)).where("id", .equal, SQLBind(id)).run()
                try await Audit.record(
                    actor, "intake.accepted", subject: "intake:\(id)", after: Audit.json(["tool": slug]), at: now, on: db)
            } catch {
                try await db.sql().update(schema).set("status", to: SQLBind(Status.pending.rawValue)).set("decided_at", to: SQLLiteral.null)
                    .set("decided_by", to: SQLLiteral.null).where("id", .equal, SQLBind(id)).run()
                throw error
            }
            return slug
        } catch let failure as Failure { throw failure } catch { throw .invalid("\(error)") }
    }
}
