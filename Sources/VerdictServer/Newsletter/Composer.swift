import Fluent
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

    static func compose(week: ISOWeek, app: Application, actor: String = Audit.cli("newsletter compose")) async throws
        -> NewsletterIssueModel
    {
        let db = app.db
        let (start, end) = week.interval()
        let standings = try await ToolModel.standings(on: db)
        let newTools = try await ToolModel.listedSlugs(createdFrom: start, to: end, on: db)
        var digest = DigestBuilder.build(
            week: week, standings: standings, newToolSlugs: Set(newTools),
            changedTakes: changedTakes(try await TakeModel.written(from: start, to: end, on: db)),
            communityBefore: try await VoteModel.shipPercents(before: start, on: db))
        let changes = try await CatalogEvents.latest(category: nil, since: start, before: end, limit: 500, on: db)
        digest.toolsAdded = changes.filter { $0.kind == CatalogEvents.Kind.added.rawValue }.count
        digest.catalogChanges = changes.filter {
            $0.kind == CatalogEvents.Kind.price.rawValue || $0.kind == CatalogEvents.Kind.status.rawValue
        }
        .compactMap { row in row.slug.map { DigestChange(slug: $0, name: row.name ?? $0, text: row.text) } }
        .prefix(15).map { $0 }
        let links = links(for: week, app: app)
        let issue = try await NewsletterIssueModel.find(week: week.description, on: db) ?? NewsletterIssueModel()
        if issue.sentAt != nil { throw Failure.alreadySent(week.description) }
        let before = issue.id == nil ? nil : Audit.json(["week": issue.week, "subject": issue.subject])
        issue.week = week.description
        issue.subject = DigestMail.subject(digest)
        issue.textBody = DigestMail.text(digest, links: links)
        issue.htmlBody = DigestMail.html(digest, links: links)
        try await db.transaction { tx in
            try await NewsletterIssueModel.saveComposed(issue, on: tx)
            try await Audit.record(
                actor, "newsletter.composed", subject: "newsletter:\(week)",
                before: before, after: Audit.json(["week": issue.week, "subject": issue.subject]), at: app.dependencies.clock.now(), on: tx)
        }
        return issue
    }

    /// The issue's links; each subscriber's unsubscribe link replaces the placeholder when sent.
    static func links(for week: ISOWeek, app: Application) -> DigestLinks {
        DigestLinks(
            publicURL: app.mail.publicURL, unsubscribeURL: DigestPlaceholder.unsubscribe,
            archiveURL: app.mail.publicURL + SiteURL.newsletterIssue("\(week)").path)
    }

    /// The week's takes that changed a verdict or were a persona's first (a reworded take with
    /// the same verdict is not news).
    static func changedTakes(_ written: [TakeChange]) -> [(slug: String, persona: Persona, from: String?, to: String)] {
        written.compactMap { change in
            guard let persona = Persona(rawValue: change.persona), change.from != change.to else { return nil }
            return (change.slug, persona, change.from, change.to)
        }
    }
}
