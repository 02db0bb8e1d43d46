import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// The intake half of a dataset import, run by `ImportPipeline.write` in its transaction once the
/// tools are written: the records, offers and prices of the diff, on the tools the keys map to.
struct IntakeWrite: Sendable {
    var dataset: PriceDataset
    var diff: SourceDiff
    var stored: [String: SourceDiff.Stored]
    /// The tool slug of every key (`DatasetCatalog.slugs`).
    var slugs: [ToolKey: String]
    /// New tools to hold unlisted in the intake queue until an editor accepts them.
    var hold: [String] = []

    /// Takes the held tools out of listings (retired until accepted) and queues one intake entry
    /// each; returns their slugs, so they get no "added" event before they are published.
    func holdNew(touched: [String: ToolModel], at now: Date, on db: any Database) async throws -> Set<String> {
        var held = Set<String>()
        for slug in hold {
            guard let model = touched[slug], let id = model.id else { continue }
            _ = try await ToolModel.setRetired(slug: slug, at: now, now: now, on: db)
            model.retiredAt = now
            let records = diff.added.filter { slugs[$0.toolKey] == slug }.map(\.recordID)
            try await db.sql().insert(into: IntakeQueue.schema)
                .columns("id", "kind", "name", "url", "category", "reason", "vendor_submitted", "status", "tool_id", "created_at")
                .values(
                    SQLBind(UUID()), SQLBind(IntakeQueue.Kind.dataset.rawValue), SQLBind(model.name), SQLBind(dataset.homepage),
                    SQLBind(model.category),
                    SQLBind(
                        "New in \(dataset.rawValue): \(records.prefix(5).joined(separator: ", "))\(records.count > 5 ? " and \(records.count - 5) more" : "")."
                    ),
                    SQLBind(false), SQLBind(IntakeQueue.Status.pending.rawValue), SQLBind(id), SQLBind(now)
                ).run()
            held.insert(slug)
        }
        return held
    }

    func write(touched: [String: ToolModel], at now: Date, on db: any Database) async throws -> SourceWriter.Summary {
        var tools: [ToolKey: SourceWriter.ToolRef] = [:]
        var missing: [String: [ToolKey]] = [:]
        for key in Set((diff.added + diff.changed).map(\.toolKey)) {
            guard let slug = slugs[key] else { continue }
            if let model = touched[slug], let id = model.id {
                tools[key] = SourceWriter.ToolRef(id: id, name: model.name, categorySlug: model.categorySlug)
            } else {
                missing[slug, default: []].append(key)
            }
        }
        for chunk in Array(missing.keys).chunked(SourceRecords.batch) {
            let rows = try await db.sql().select().column("id").column("slug").column("name").column("category_slug")
                .from(ToolModel.schema).where("slug", .in, chunk).all()
            for row in rows {
                let ref = SourceWriter.ToolRef(
                    id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                    categorySlug: try row.decode(column: "category_slug", as: String.self))
                for key in missing[try row.decode(column: "slug", as: String.self)] ?? [] { tools[key] = ref }
            }
        }
        return try await SourceWriter(dataset: dataset, now: now).write(diff, stored: stored, tools: tools, on: db)
    }
}
