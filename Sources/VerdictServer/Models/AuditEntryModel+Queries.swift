import Fluent
import FluentSQL
import Foundation

extension AuditEntryModel {
    /// Adds one entry to the log.
    static func append(
        actor: String, action: String, subject: String, before: String?, after: String?, at: Date, on db: any Database
    ) async throws {
        let row = AuditEntryModel()
        row.at = at
        row.actor = actor
        row.action = action
        row.subject = subject
        row.before = before
        row.after = after
        try await row.create(on: db)
    }

    /// Entries, newest first, filtered by exact actor, action prefix and subject prefix (all
    /// case-sensitive).
    static func newest(
        actor: String?, actionPrefix: String?, subjectPrefix: String?, before: Date?, limit: Int, on db: any Database
    ) async throws -> [AuditEntryModel] {
        var query = AuditEntryModel.query(on: db)
        if let actor, !actor.isEmpty { query = query.filter(\.$actor == actor) }
        if let actionPrefix, !actionPrefix.isEmpty { query = query.filter(.sql(startsWith("action", actionPrefix))) }
        if let subjectPrefix, !subjectPrefix.isEmpty { query = query.filter(.sql(startsWith("subject", subjectPrefix))) }
        if let before { query = query.filter(\.$at < before) }
        return try await query.sort(\.$at, .descending).sort(\.$id).limit(limit).all()
    }

    /// `column` starts with `prefix`, exactly (case and all) on both databases: `substr`
    /// counts characters alike on SQLite and PostgreSQL, and nothing in the prefix is a wildcard
    /// (LIKE would ignore case on SQLite only, and treat `_` and `%` as patterns).
    private static func startsWith(_ column: String, _ prefix: String) -> any SQLExpression {
        SQLBinaryExpression(
            SQLFunction("substr", args: SQLColumn(column), SQLLiteral.numeric("1"), SQLLiteral.numeric("\(prefix.unicodeScalars.count)")),
            .equal, SQLBind(prefix))
    }
}
