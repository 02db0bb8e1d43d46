import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// What a persona's page reads: its latest current takes on listed tools, its ship rate, and how
/// often it disagrees with the community. Aggregates over the persona's slice of
/// `takes_persona_current`, never a scan of the catalog.
extension TakeModel {
    struct PersonaTake: Decodable, Sendable {
        var slug: String
        var name: String
        var category: String
        var verdict: String
        var conviction: String
        var text: String
        var source: String
        var created_at: Date?
    }

    static func latest(persona: Persona, limit: Int, on db: any Database) async throws -> [PersonaTake] {
        try await db.sql().select()
            .column(SQLColumn("slug", table: ToolModel.schema)).column(SQLColumn("name", table: ToolModel.schema))
            .column(SQLColumn("category", table: ToolModel.schema))
            .column(SQLColumn("verdict", table: schema)).column(SQLColumn("conviction", table: schema))
            .column(SQLColumn("text", table: schema)).column(SQLColumn("source", table: schema))
            .column(SQLColumn("created_at", table: schema))
            .from(schema)
            .join(
                SQLIdentifier(ToolModel.schema), on: SQLColumn("tool_id", table: schema), .equal, SQLColumn("id", table: ToolModel.schema)
            )
            .where(SQLColumn("persona", table: schema), .equal, SQLBind(persona.rawValue))
            .where(SQLColumn("superseded_at", table: schema), .is, SQLLiteral.null)
            .where(SQLColumn("retired_at", table: ToolModel.schema), .is, SQLLiteral.null)
            .where(SQLColumn("verdict", table: schema), .in, SQLGroupExpression([SQLBind("ship"), SQLBind("skip")]))
            .orderBy(SQLColumn("created_at", table: schema), SQLDirection.descending)
            .limit(limit).all(decoding: PersonaTake.self)
    }

    struct PersonaRecord: Sendable {
        var ship = 0, skip = 0
        /// Listed tools with community votes whose majority (not a tie) differs from the persona's verdict.
        var disagreements = 0, compared = 0
    }

    static func record(persona: Persona, on db: any Database) async throws -> PersonaRecord {
        let rows = try await db.sql().raw(
            """
            SELECT t.verdict AS verdict,
                   COUNT(*) AS n,
                   SUM(CASE WHEN tl.community_rank > 50 OR (tl.community_rank >= 0 AND tl.community_rank < 50) THEN 1 ELSE 0 END) AS compared,
                   SUM(CASE WHEN (t.verdict = 'ship' AND tl.community_rank >= 0 AND tl.community_rank < 50)
                             OR (t.verdict = 'skip' AND tl.community_rank > 50) THEN 1 ELSE 0 END) AS disagree
            FROM \(ident: schema) t JOIN \(ident: ToolModel.schema) tl ON tl.id = t.tool_id
            WHERE t.persona = \(bind: persona.rawValue) AND t.superseded_at IS NULL AND tl.retired_at IS NULL
              AND t.verdict IN ('ship', 'skip')
            GROUP BY t.verdict
            """
        ).all()
        var record = PersonaRecord()
        for row in rows {
            let n = try row.decode(column: "n", as: Int.self)
            if try row.decode(column: "verdict", as: String.self) == "ship" { record.ship = n } else { record.skip = n }
            record.compared += try row.decode(column: "compared", as: Int?.self) ?? 0
            record.disagreements += try row.decode(column: "disagree", as: Int?.self) ?? 0
        }
        return record
    }
}
