import Fluent
import Foundation
import VerdictCore

extension TakeModel {
    /// Current takes (not superseded) of the given tools, grouped by tool id.
    static func current(forTools ids: [UUID], on db: any Database) async throws -> [UUID: [Take]] {
        let rows = try await TakeModel.query(on: db)
            .filter(\.$tool.$id ~~ ids)
            .filter(\.$supersededAt == nil)
            .all()
        var out: [UUID: [Take]] = [:]
        for row in rows {
            guard let take = row.take else { continue }
            out[row.$tool.id, default: []].append(take)
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

    /// Moves `old` (if any) to history and stores `take` as the current one, in one transaction
    /// owned by the caller.
    static func replace(
        _ old: TakeModel?, with take: Take, tool id: UUID, promptVersion: String?, factsHash: String?,
        on db: any Database
    ) async throws {
        if let old {
            old.supersededAt = Date()
            try await old.save(on: db)
        }
        try await TakeModel(toolID: id, take: take, promptVersion: promptVersion, factsHash: factsHash)
            .create(on: db)
    }
}
