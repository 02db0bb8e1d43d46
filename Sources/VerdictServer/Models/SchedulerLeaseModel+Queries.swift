import Fluent
import FluentSQL
import Foundation

extension SchedulerLeaseModel {
    /// Takes the lease `name` for `holder` until `until`, or renews it when `holder` already has
    /// it; false while another holder's lease runs. One statement (an insert that, on conflict,
    /// updates only a free or own row), so of several servers racing exactly one wins, on
    /// SQLite and on PostgreSQL alike: PostgreSQL re-checks the condition under the row lock,
    /// SQLite runs one writer at a time.
    static func claim(_ name: String, holder: String, now: Date, until: Date, on db: any Database) async throws -> Bool {
        try await db.writeTransaction { tx in
            let rows = try await tx.sql().insert(into: schema)
                .columns("name", "holder", "expires_at")
                .values(SQLBind(name), SQLBind(holder), SQLBind(until))
                .onConflict(with: ["name"]) { update in
                    update.set(excludedValueOf: "holder").set(excludedValueOf: "expires_at")
                        .where(SQLColumn("expires_at", table: schema), .lessThanOrEqual, SQLBind(now))
                        .orWhere(SQLColumn("holder", table: schema), .equal, SQLBind(holder))
                }
                .returning("holder").all()
            return !rows.isEmpty
        }
    }

    /// Gives the lease up at `now` (if `holder` still has it), so the next claim need not wait
    /// for it to run out.
    static func release(_ name: String, holder: String, now: Date, on db: any Database) async throws {
        try await db.sql().update(schema).set("expires_at", to: SQLBind(now))
            .where("name", .equal, name).where("holder", .equal, holder)
            .run()
    }

    /// The lease `name` as it stands (held or expired), if it was ever taken.
    static func current(_ name: String, on db: any Database) async throws -> SchedulerLeaseModel? {
        try await SchedulerLeaseModel.find(name, on: db)
    }
}
