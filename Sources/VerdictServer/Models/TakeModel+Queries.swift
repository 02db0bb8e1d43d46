import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// A current take written in some period, with the verdict of the take it followed.
struct TakeChange: Sendable, Hashable {
    var slug: String
    var persona: String
    /// The verdict of the same persona's previous take on the tool; nil for a first take.
    var from: String?
    var to: String
}

extension TakeModel {
    /// Tools per query when listing by tool id: far below either database's bind limit.
    static let idChunk = 500

    /// The current takes written in [`start`, `end`), each with the verdict it followed: two
    /// queries for the takes and their tools, plus one per `idChunk` tools for the earlier takes,
    /// whatever the number of takes.
    static func written(from start: Date, to end: Date, on db: any Database) async throws -> [TakeChange] {
        let fresh = try await TakeModel.query(on: db).with(\.$tool)
            .filter(\.$createdAt >= start).filter(\.$createdAt < end).filter(\.$supersededAt == nil).all()
        let earlier = try await byToolAndPersona(tools: fresh.map { $0.$tool.id }, before: end, on: db)
        return fresh.map { take in
            // The latest take of the same persona written before this one.
            let cutoff = take.createdAt ?? start
            let previous = earlier["\(take.$tool.id)|\(take.persona)"]?.last(where: { $0.createdAt.map { $0 < cutoff } ?? false })
            return TakeChange(slug: take.tool.slug, persona: take.persona, from: previous?.verdict, to: take.verdict)
        }
    }

    /// Every take of the given tools written before `end`, grouped by "tool|persona", oldest first.
    private static func byToolAndPersona(tools: [UUID], before end: Date, on db: any Database) async throws -> [String: [TakeModel]] {
        let ids = Array(Set(tools))
        var out: [String: [TakeModel]] = [:]
        for start in stride(from: 0, to: ids.count, by: idChunk) {
            let chunk = Array(ids[start..<min(start + idChunk, ids.count)])
            let rows = try await TakeModel.query(on: db).filter(\.$tool.$id ~~ chunk).filter(\.$createdAt < end)
                .sort(\.$createdAt).all()
            for row in rows { out["\(row.$tool.id)|\(row.persona)", default: []].append(row) }
        }
        return out
    }

    /// Current takes and abstentions (not superseded) of the given tools, by tool id.
    static func current(forTools ids: [UUID], on db: any Database) async throws -> [UUID: (takes: [Take], abstentions: [Abstention])] {
        guard !ids.isEmpty else { return [:] }
        var out: [UUID: (takes: [Take], abstentions: [Abstention])] = [:]
        for chunk in ids.chunked(idChunk) {
            let rows = try await db.sql().select().columns(TakeRow.columns.map { SQLIdentifier($0) }).from(schema)
                .where("tool_id", .in, chunk).where("superseded_at", .is, SQLLiteral.null).all()
            for sqlRow in rows {
                let row = try sqlRow.decode(model: TakeRow.self)
                if let take = row.take {
                    out[row.toolId, default: ([], [])].takes.append(take)
                } else if let abstention = row.abstention {
                    out[row.toolId, default: ([], [])].abstentions.append(abstention)
                }
            }
        }
        return out
    }

    /// Current take rows of one tool, keyed by persona.
    static func currentRows(tool id: UUID, on db: any Database) async throws -> [Persona: TakeModel] {
        let rows = try await TakeModel.query(on: db)
            .filter(\.$tool.$id == id)
            .filter(\.$supersededAt == nil)
            .all()
        var out: [Persona: TakeModel] = [:]
        for row in rows {
            if let p = Persona(rawValue: row.persona) { out[p] = row }
        }
        return out
    }

    /// Same author, same words, same verdict: replacing it would only add noise to history.
    func says(_ take: Take) -> Bool {
        source == take.source.rawValue && verdict == take.verdict.rawValue
            && conviction == take.conviction.rawValue && flip == take.flip && text == take.text
    }

    /// Moves `old` (if any) to history and stores `row` as the current one, in a transaction
    /// owned by the caller.
    static func replace(_ old: TakeModel?, with row: TakeModel, at now: Date, on db: any Database) async throws {
        if let old {
            old.supersededAt = now
            try await old.save(on: db)
        }
        try await row.create(on: db)
    }

    /// A model-written take (or abstention) with this provenance is the current one.
    static func hasCurrent(tool: UUID, persona: Persona, key: ProvenanceKey, on db: any Database) async throws -> Bool {
        try await TakeModel.query(on: db)
            .filter(\.$tool.$id == tool).filter(\.$persona == persona.rawValue).filter(\.$supersededAt == nil)
            .filter(\.$source == TakeSource.llm.rawValue).filter(\.$model == key.model)
            .filter(\.$promptVersion == key.promptVersion).filter(\.$factsHash == key.factsHash)
            .count() > 0
    }

    static let abstainVerdict = "abstain"

    static func abstention(tool: UUID, persona: Persona, reason: String, key: ProvenanceKey, backend: String) -> TakeModel {
        let row = TakeModel()
        row.$tool.id = tool
        row.persona = persona.rawValue
        row.verdict = abstainVerdict
        row.conviction = Conviction.clear.rawValue
        row.text = reason
        row.source = TakeSource.llm.rawValue
        row.promptVersion = key.promptVersion
        row.factsHash = key.factsHash
        row.model = key.model
        row.backend = backend
        return row
    }

    /// Every take the tool has had, oldest first, each marked when its verdict differs from the
    /// same persona's previous take.
    static func history(tool id: UUID, on db: any Database) async throws -> [TakeHistoryEntry] {
        let rows = try await TakeModel.query(on: db).filter(\.$tool.$id == id).sort(\.$createdAt).all()
        var previous: [String: String] = [:]
        return rows.compactMap { row in
            guard let persona = Persona(rawValue: row.persona), let source = TakeSource(rawValue: row.source) else { return nil }
            let changed = previous[row.persona].map { $0 != row.verdict } ?? false
            previous[row.persona] = row.verdict
            return TakeHistoryEntry(
                persona: persona, verdict: row.verdict, source: source, model: row.model, promptVersion: row.promptVersion,
                factsHash: row.factsHash, createdAt: row.createdAt, supersededAt: row.supersededAt,
                verdictChanged: changed, text: row.text)
        }
    }
}
