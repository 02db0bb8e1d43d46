import Fluent
import Foundation
import VerdictCore

/// The audit log: every change made by a person (editor, admin, CLI operator) or a job
/// (rubric, model panel, newsletter), with the state before and after as JSON. Community votes
/// and subscriptions are the readers' own and are counted in their tables instead.
enum Audit {
    /// Actors that are not a signed-in person or a token.
    static let rubricJob = "job:rubric"
    static func panelJob(_ backend: String) -> String { "job:panel (\(backend))" }
    static let newsletterJob = "job:newsletter"
    static func cli(_ command: String) -> String { "cli:\(command) (\(ProcessInfo.processInfo.userName))" }

    /// Records one change in the caller's transaction, so the entry exists exactly when the change does.
    static func record(
        _ actor: String, _ action: String, subject: String, before: String? = nil, after: String? = nil,
        at: Date, on db: any Database
    ) async throws {
        try await AuditEntryModel.append(actor: actor, action: action, subject: subject, before: before, after: after, at: at, on: db)
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// What the log keeps of a take.
    struct TakeRecord: Codable {
        var persona, verdict, conviction, text, source: String
        var flip, model: String?
        var editedBy: String?

        init(_ row: TakeModel) {
            (persona, verdict, conviction, text, source) = (row.persona, row.verdict, row.conviction, row.text, row.source)
            (flip, model, editedBy) = (row.flip, row.model, row.editedBy)
        }
    }

    static func subject(tool slug: String) -> String { "tool:\(slug)" }
    static func subject(tool slug: String, persona: String) -> String { "tool:\(slug)/\(persona)" }

    /// Entries, newest first, filtered by exact actor, action prefix and subject prefix (all
    /// case-sensitive).
    static func entries(
        actor: String? = nil, action: String? = nil, subject: String? = nil, before: Date? = nil, limit: Int,
        on db: any Database
    ) async throws -> [AuditEntryModel] {
        try await AuditEntryModel.newest(actor: actor, actionPrefix: action, subjectPrefix: subject, before: before, limit: limit, on: db)
    }
}
