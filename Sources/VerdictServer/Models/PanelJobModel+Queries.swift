import Fluent
import FluentSQL
import Foundation
import VerdictCore

extension PanelJobModel {
    /// Queues one job per (tool, persona) unless one is already queued or running for that
    /// backend. Returns how many were queued.
    static func enqueue(tools: [UUID], personas: [Persona], backend: String, force: Bool, on db: any Database) async throws -> Int {
        let active = try await PanelJobModel.query(on: db)
            .filter(\.$tool.$id ~~ tools).filter(\.$backend == backend)
            .filter(\.$stateRaw ~~ [State.queued.rawValue, State.running.rawValue]).all()
        let busy = Set(active.map { "\($0.$tool.id)|\($0.persona)" })
        var queued = 0
        for tool in tools {
            for persona in personas where !busy.contains("\(tool)|\(persona.rawValue)") {
                try await PanelJobModel(tool: tool, persona: persona.rawValue, backend: backend, force: force).create(on: db)
                queued += 1
            }
        }
        return queued
    }

    /// Claims the oldest claimable job for `backend` — queued, or running with an expired lease
    /// (its worker died) — with a lease until `until`. One statement, so two workers never
    /// claim the same job: the outer WHERE is re-checked under the row lock.
    static func claim(backend: String, token: String, now: Date, until: Date, on db: any Database) async throws -> PanelJobModel? {
        let claimable = SQLGroupExpression(
            SQLBinaryExpression(
                SQLBinaryExpression(SQLColumn("state"), .equal, SQLBind(State.queued.rawValue)), .or,
                SQLGroupExpression(
                    SQLBinaryExpression(
                        SQLBinaryExpression(SQLColumn("state"), .equal, SQLBind(State.running.rawValue)), .and,
                        SQLBinaryExpression(SQLColumn("lease_until"), .lessThan, SQLBind(now))))))
        let oldest = SQLSubquery.select { sub in
            sub.column("id").from(schema).where("backend", .equal, backend).where(claimable)
                .orderBy("created_at").limit(1)
        }
        let claimed = try await db.sql().update(schema)
            .set("state", to: State.running.rawValue).set("lease_owner", to: token).set("lease_until", to: until)
            .set(SQLColumn("attempts"), to: SQLBinaryExpression(SQLColumn("attempts"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, oldest).where(claimable)
            .returning("id").all()
        guard let row = claimed.first, let id = try? row.decode(column: "id", as: UUID.self) else { return nil }
        return try await PanelJobModel.find(id, on: db)
    }

    /// Ends the job if this worker still holds its lease; false when the lease was lost.
    @discardableResult
    static func finish(
        _ id: UUID, token: String, state: State, error: String?, now: Date, on db: any Database
    ) async throws -> Bool {
        let rows = try await db.sql().update(schema)
            .set("state", to: state.rawValue).set("last_error", to: error).set("lease_owner", to: SQLLiteral.null)
            .set("updated_at", to: now)
            .where("id", .equal, id).where("lease_owner", .equal, token).where("state", .equal, State.running.rawValue)
            .returning("id").all()
        return !rows.isEmpty
    }

    /// Gives a job back to the queue after a failure that may pass (kept for the next worker).
    static func release(_ id: UUID, token: String, error: String, on db: any Database) async throws {
        try await db.sql().update(schema)
            .set("state", to: State.queued.rawValue).set("last_error", to: error).set("lease_owner", to: SQLLiteral.null)
            .where("id", .equal, id).where("lease_owner", .equal, token)
            .run()
    }

    /// The `limit` most recently changed jobs, of one tool or of all, tools loaded.
    static func recent(tool: UUID?, limit: Int, on db: any Database) async throws -> [PanelJobModel] {
        var query = PanelJobModel.query(on: db).with(\.$tool).sort(\.$updatedAt, .descending).limit(limit)
        if let tool { query = query.filter(\.$tool.$id == tool) }
        return try await query.all()
    }

    /// The `limit` most recently changed jobs that failed or abstained, tools loaded.
    static func recentProblems(limit: Int, on db: any Database) async throws -> [PanelJobModel] {
        try await PanelJobModel.query(on: db).with(\.$tool)
            .filter(\.$stateRaw ~~ [State.failed.rawValue, State.abstained.rawValue])
            .sort(\.$updatedAt, .descending).limit(limit).all()
    }

    /// How many jobs are in each state, in one grouped count (read by `/metrics` on every
    /// scrape, so it never loads the rows). A state this build does not know counts as failed,
    /// as `state` reads it.
    static func counts(on db: any Database) async throws -> [State: Int] {
        var out: [State: Int] = [:]
        for (state, n) in try await db.countsGrouped(by: "state", in: schema) { out[State(rawValue: state) ?? .failed, default: 0] += n }
        return out
    }
}
