import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// Writes what one dataset snapshot changed, inside the import's transaction and after its tools
/// are written: the records (added, changed, marked removed), the offers they price, a new dated
/// price version wherever an offer's prices differ from the dataset's current version (the old
/// version is closed, never overwritten), and the catalog events `/new` lists. Unchanged records
/// are not in the diff, so they write nothing.
struct SourceWriter: Sendable {
    let dataset: PriceDataset
    let now: Date

    struct Summary: Codable, Sendable, Equatable {
        var recordsAdded = 0
        var recordsChanged = 0
        var recordsRemoved = 0
        var recordsUnchanged = 0
        var offersCreated = 0
        var pricesRecorded = 0
        /// Prices that replaced an earlier version (not an offer's first price).
        var pricesChanged = 0
        /// Every tool whose records, offers or prices were written: their pages change.
        var affectedTools: [UUID] = []

        var line: String {
            "records: \(recordsAdded) added, \(recordsChanged) changed, \(recordsRemoved) removed, \(recordsUnchanged) unchanged; "
                + "offers created: \(offersCreated); prices recorded: \(pricesRecorded) (\(pricesChanged) changed)"
        }
    }

    /// A tool a record belongs to, as events name it.
    struct ToolRef: Sendable {
        var id: UUID
        var name: String
        var categorySlug: String
    }

    func write(
        _ diff: SourceDiff, stored: [String: SourceDiff.Stored], tools: [ToolKey: ToolRef], on db: any Database
    ) async throws -> Summary {
        var summary = Summary(recordsUnchanged: diff.unchanged)
        let sql = db.sql()
        let present = (diff.added + diff.changed).filter { tools[$0.toolKey] != nil }
        var events: [Event] = []

        // Records: new ones inserted; changed and returning ones rewritten in place (their facts
        // are the dataset's latest word; prices keep their history in `offer_prices`).
        let old = try await oldRecords(diff.changed.map(\.recordID), on: db)
        for chunk in present.filter({ stored[$0.recordID] == nil }).chunked(SourceRecords.batch) {
            var insert = sql.insert(into: SourceRecords.schema).columns(
                "id", "tool_id", "dataset", "record_id", "tool_key", "fingerprint", "record", "first_seen", "last_seen")
            for model in chunk {
                insert = insert.values(
                    SQLBind(UUID()), SQLBind(tools[model.toolKey]!.id), SQLBind(dataset.rawValue), SQLBind(model.recordID),
                    SQLBind(model.toolKey.description), SQLBind(SourceRecords.fingerprint(model)), SQLBind(model.storedJSON),
                    SQLBind(now), SQLBind(now))
            }
            try await insert.run()
        }
        for model in present where stored[model.recordID] != nil {
            try await sql.update(SourceRecords.schema)
                .set("tool_id", to: SQLBind(tools[model.toolKey]!.id)).set("tool_key", to: SQLBind(model.toolKey.description))
                .set("fingerprint", to: SQLBind(SourceRecords.fingerprint(model))).set("record", to: SQLBind(model.storedJSON))
                .set("last_seen", to: SQLBind(now)).set("removed_at", to: SQLLiteral.null)
                .where("dataset", .equal, SQLBind(dataset.rawValue)).where("record_id", .equal, SQLBind(model.recordID))
                .run()
            if let before = old[model.recordID], let tool = tools[model.toolKey] {
                events += statusEvents(before, model, tool)
            }
        }
        summary.recordsAdded = diff.added.count
        summary.recordsChanged = diff.changed.count
        summary.recordsRemoved = diff.removed.count
        events += try await markRemoved(diff.removed, on: db)

        // Offers and their prices.
        let pairs = present.flatMap { model in model.offers.compactMap { offer in tools[model.toolKey].map { (tool: $0, offer: offer) } } }
        let written = try await OfferWriter(label: dataset.rawValue, now: now).write(pairs, on: db)
        (summary.offersCreated, summary.pricesRecorded, summary.pricesChanged) = (
            written.offersCreated, written.pricesRecorded, written.pricesChanged
        )
        events += written.events
        try await CatalogEvents.insert(events, at: now, on: db)
        summary.affectedTools = Array(Set(present.compactMap { tools[$0.toolKey]?.id } + events.compactMap(\.tool)))
        return summary
    }

    typealias Event = CatalogEvents.Event
    private func oldRecords(_ ids: [String], on db: any Database) async throws -> [String: SourceModel] {
        var old: [String: SourceModel] = [:]
        for chunk in ids.chunked(SourceRecords.batch) {
            let rows = try await db.sql().select().column("record_id").column("record").from(SourceRecords.schema)
                .where("dataset", .equal, SQLBind(dataset.rawValue)).where("record_id", .in, chunk).all()
            for row in rows {
                if let model = SourceModel.stored(try row.decode(column: "record", as: String.self)) {
                    old[try row.decode(column: "record_id", as: String.self)] = model
                }
            }
        }
        return old
    }

    private func statusEvents(_ before: SourceModel, _ after: SourceModel, _ tool: ToolRef) -> [Event] {
        guard before.status != after.status || before.deprecationDate != after.deprecationDate else { return [] }
        var text = "\(dataset.rawValue) lists \(after.recordID)"
        if let status = after.status { text += " as \(status.rawValue)" }
        if let date = after.deprecationDate { text += ", retiring on \(date)" }
        return [Event(kind: .status, tool: tool.id, categorySlug: tool.categorySlug, text: text)]
    }

    /// Marks records the dataset no longer lists; one event per tool.
    private func markRemoved(_ ids: [String], on db: any Database) async throws -> [Event] {
        var events: [Event] = []
        for chunk in ids.chunked(SourceRecords.batch) {
            let rows = try await db.sql().select().column(SQLColumn("record_id", table: SourceRecords.schema))
                .column(SQLColumn("tool_id", table: SourceRecords.schema)).column(SQLColumn("category_slug", table: ToolModel.schema))
                .from(SourceRecords.schema)
                .join(
                    ToolModel.schema, on: SQLColumn("tool_id", table: SourceRecords.schema), .equal,
                    SQLColumn("id", table: ToolModel.schema)
                )
                .where(SQLColumn("dataset", table: SourceRecords.schema), .equal, SQLBind(dataset.rawValue))
                .where(SQLColumn("record_id", table: SourceRecords.schema), .in, SQLBind.group(chunk)).all()
            for row in rows {
                events.append(
                    Event(
                        kind: .status, tool: try row.decode(column: "tool_id", as: UUID.self),
                        categorySlug: try row.decode(column: "category_slug", as: String.self),
                        text: "\(dataset.rawValue) no longer lists \(try row.decode(column: "record_id", as: String.self))"))
            }
            try await db.sql().update(SourceRecords.schema).set("removed_at", to: SQLBind(now))
                .where("dataset", .equal, SQLBind(dataset.rawValue)).where("record_id", .in, chunk).run()
        }
        return events
    }
}
