import Fluent
import FluentSQL
import Foundation
import Vapor
import VerdictCore

/// Composes the digest of one ISO week from what the database says happened in it.
enum Composer {
    enum Failure: Error, CustomStringConvertible {
        case alreadySent(String)
        var description: String {
            switch self {
            case .alreadySent(let week): "the \(week) issue was already sent; it is not recomposed"
            }
        }
    }

    static func compose(week: ISOWeek, app: Application) async throws -> NewsletterIssueModel {
        let db = app.db
        let (start, end) = week.interval()
        let standings = try await ToolModel.standings(on: db)
        let newTools = try await ToolModel.query(on: db).filter(\.$retiredAt == nil)
            .filter(\.$createdAt >= start).filter(\.$createdAt < end).all(\.$slug)
        let digest = DigestBuilder.build(
            week: week, standings: standings, newToolSlugs: Set(newTools),
            changedTakes: try await changedTakes(start: start, end: end, on: db),
            communityBefore: try await communityBefore(start, on: db))
        let links = DigestLinks(
            publicURL: app.mail.publicURL, unsubscribeURL: DigestPlaceholder.unsubscribe,
            archiveURL: "\(app.mail.publicURL)/newsletter/\(week)")
        let issue = try await NewsletterIssueModel.query(on: db).filter(\.$week == week.description).first()
            ?? NewsletterIssueModel()
        if issue.sentAt != nil { throw Failure.alreadySent(week.description) }
        let before = issue.id == nil ? nil : Audit.json(["week": issue.week, "subject": issue.subject])
        issue.week = week.description
        issue.subject = DigestMail.subject(digest)
        issue.textBody = DigestMail.text(digest, links: links)
        issue.htmlBody = DigestMail.html(digest, links: links)
        try await db.transaction { tx in
            try await issue.save(on: tx)
            try await Audit.record(
                Audit.cli("newsletter compose"), "newsletter.composed", subject: "newsletter:\(week)",
                before: before, after: Audit.json(["week": issue.week, "subject": issue.subject]), on: tx)
        }
        return issue
    }

    /// Takes written in the week, with the verdict each replaced (nil when it is a first take).
    private static func changedTakes(start: Date, end: Date, on db: any Database) async throws
        -> [(slug: String, persona: Persona, from: String?, to: String)]
    {
        let fresh = try await TakeModel.query(on: db).with(\.$tool)
            .filter(\.$createdAt >= start).filter(\.$createdAt < end).filter(\.$supersededAt == nil).all()
        var out: [(slug: String, persona: Persona, from: String?, to: String)] = []
        for take in fresh {
            guard let persona = Persona(rawValue: take.persona) else { continue }
            let before = try await TakeModel.query(on: db)
                .filter(\.$tool.$id == take.$tool.id).filter(\.$persona == take.persona)
                .filter(\.$createdAt < take.createdAt ?? start).sort(\.$createdAt, .descending).first()
            if before?.verdict == take.verdict { continue }  // reworded, same verdict: not news
            out.append((take.tool.slug, persona, before?.verdict, take.verdict))
        }
        return out
    }

    /// Each tool's community ship % from votes cast before `date` (nil: no votes yet).
    private static func communityBefore(_ date: Date, on db: any Database) async throws -> [String: Int?] {
        struct Row: Decodable {
            var slug: String
            var ship: Int
            var total: Int
        }
        let rows = try await db.sql().raw("""
            SELECT t.slug AS slug, SUM(CASE WHEN v.vote = 'ship' THEN 1 ELSE 0 END) AS ship, COUNT(*) AS total
            FROM votes v JOIN tools t ON t.id = v.tool_id
            WHERE v.counted = \(bind: true) AND v.created_at < \(bind: date)
            GROUP BY t.slug
            """).all(decoding: Row.self)
        var out: [String: Int?] = [:]
        for r in rows { out[r.slug] = wholePercent(r.ship, of: r.total) }
        return out
    }
}
