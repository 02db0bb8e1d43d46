import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// Reads of the intake's tables that a sync needs before it writes: what the last sync of a
/// dataset stored, and which tool each model key already belongs to.
enum SourceRecords {
    static let schema = "source_records"

    /// Rows per statement in the intake's batched writes (9 binds a row stays far under both
    /// databases' limits on bound values).
    static let batch = 400

    /// A stored record's hash, for `SourceDiff`: SHA-256 of its fingerprint JSON.
    static func fingerprint(_ model: SourceModel) -> String {
        SiteCrypto.sha256Hex(String(decoding: model.fingerprintJSON, as: UTF8.self))
    }

    /// Every record the dataset's syncs have stored, by the dataset's record id.
    static func stored(_ dataset: PriceDataset, on db: any Database) async throws -> [String: SourceDiff.Stored] {
        let rows = try await db.sql().select().column("record_id").column("fingerprint").column("removed_at")
            .from(schema).where("dataset", .equal, SQLBind(dataset.rawValue)).all()
        var stored: [String: SourceDiff.Stored] = [:]
        stored.reserveCapacity(rows.count)
        for row in rows {
            stored[try row.decode(column: "record_id", as: String.self)] = SourceDiff.Stored(
                fingerprint: try row.decode(column: "fingerprint", as: String.self),
                removed: try row.decode(column: "removed_at", as: Date?.self) != nil)
        }
        return stored
    }

    /// The tool each model key already belongs to (from any dataset), with the tool's slug and
    /// whether the tool was made from a dataset (its source is that dataset's homepage).
    static func tools(on db: any Database) async throws -> [ToolKey: DatasetCatalog.Existing] {
        let rows = try await db.sql().select().distinct()
            .column(SQLColumn("tool_key", table: schema)).column(SQLColumn("slug", table: ToolModel.schema))
            .column(SQLColumn("source_url", table: ToolModel.schema))
            .from(schema).join(ToolModel.schema, on: SQLColumn("tool_id", table: schema), .equal, SQLColumn("id", table: ToolModel.schema))
            .all()
        var tools: [ToolKey: DatasetCatalog.Existing] = [:]
        for row in rows {
            let key = try row.decode(column: "tool_key", as: String.self)
            guard let slash = key.firstIndex(of: "/") else { continue }
            let source = try row.decode(column: "source_url", as: String?.self)
            tools[ToolKey(vendor: String(key[..<slash]), model: String(key[key.index(after: slash)...]))] = DatasetCatalog.Existing(
                slug: try row.decode(column: "slug", as: String.self),
                owner: PriceDataset.allCases.first { $0.homepage == source })
        }
        return tools
    }

    /// The current (not removed) records of one tool, from every dataset.
    static func current(tool: UUID, on db: any Database) async throws -> [SourceRecordRow] {
        try await db.sql().select().column("dataset").column("record_id").column("record").column("first_seen")
            .column("last_seen").column("removed_at")
            .from(schema).where("tool_id", .equal, SQLBind(tool))
            .orderBy("dataset").orderBy("record_id")
            .all(decoding: SourceRecordRow.self)
    }
}

/// One stored record as the tool page shows it.
struct SourceRecordRow: Decodable, Sendable {
    var dataset: String
    var record_id: String
    var record: String
    var first_seen: Date
    var last_seen: Date
    var removed_at: Date?

    var model: SourceModel? { SourceModel.stored(record) }
}

extension SourceRecords {
    /// Tools whose current records come from two or more datasets and disagree, at most `limit`.
    static func disagreements(limit: Int, on db: any Database) async throws -> [(slug: String, name: String, items: [SourceDisagreement])] {
        let rows = try await db.sql().select().column("tool_id").from(schema).where("removed_at", .is, SQLLiteral.null)
            .groupBy("tool_id").having(SQLFunction("COUNT", args: SQLDistinct(SQLColumn("dataset"))), .greaterThan, SQLLiteral.numeric("1"))
            .all()
        let ids = try rows.map { try $0.decode(column: "tool_id", as: UUID.self) }
        var found: [(slug: String, name: String, items: [SourceDisagreement])] = []
        for chunk in ids.chunked(batch) {
            let records = try await db.sql().select().column("tool_id").column("record").from(schema)
                .where("tool_id", .in, chunk).where("removed_at", .is, SQLLiteral.null).all()
            var byTool: [UUID: [SourceModel]] = [:]
            for row in records {
                if let model = SourceModel.stored(try row.decode(column: "record", as: String.self)) {
                    byTool[try row.decode(column: "tool_id", as: UUID.self), default: []].append(model)
                }
            }
            let names = try await ToolModel.query(on: db).filter(\.$id ~~ Array(byTool.keys)).field(\.$id).field(\.$slug).field(\.$name)
                .all()
            for tool in names {
                guard let id = tool.id, let items = byTool[id].map(SourceDisagreement.find), !items.isEmpty else { continue }
                found.append((tool.slug, tool.name, items))
            }
            if found.count >= limit { break }
        }
        return Array(found.sorted { $0.name < $1.name }.prefix(limit))
    }
}
