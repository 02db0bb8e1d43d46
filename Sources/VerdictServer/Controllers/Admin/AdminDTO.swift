import Fluent
import Foundation
import Vapor
import VerdictCore

/// JSON shapes of the admin API (snake_case, explicit nulls).
enum AdminDTO {
    struct Tool: Content {
        var slug, name, category, categorySlug, description, entry, url: String
        @ExplicitNull var vendor: String?
        @ExplicitNull var tagline: String?
        @ExplicitNull var homepage: String?
        @ExplicitNull var sourceURL: String?
        var facts: ToolFacts
        @ExplicitNull var retiredAt: Date?

        init(_ model: ToolModel) {
            let t = model.tool
            (slug, name, category, categorySlug, description, entry) = (
                t.slug, t.name, t.category, t.categorySlug, t.description, t.entry.rawValue
            )
            (vendor, tagline, homepage, sourceURL, facts) = (t.vendor, t.tagline, t.homepage, t.sourceURL, t.facts)
            retiredAt = model.retiredAt
            url = SiteURL.tool(t.slug).path
        }
    }

    struct ToolList: Content {
        var tools: [Tool]
    }

    struct Review: Content {
        var id: UUID
        var tool, persona, verdict, conviction, text, status: String
        @ExplicitNull var flip: String?
        @ExplicitNull var originalText: String?
        @ExplicitNull var model: String?
        @ExplicitNull var decidedBy: String?
        var createdAt: Date
        @ExplicitNull var decidedAt: Date?

        init(_ review: TakeReviewModel, slug: String) throws {
            let row = Moderation.proposed(review)
            id = try review.requireID()
            tool = slug
            persona = review.persona
            verdict = row?.verdict ?? "abstain"
            conviction = row?.conviction ?? "clear"
            flip = row?.flip
            text = review.editedText ?? row?.text ?? ""
            originalText = review.editedText == nil ? nil : row?.text
            status = review.statusRaw
            model = row?.model
            createdAt = review.createdAt ?? Date(timeIntervalSince1970: 0)
            (decidedBy, decidedAt) = (review.decidedBy, review.decidedAt)
        }
    }

    struct ReviewList: Content {
        var takes: [Review]
    }

    struct ApproveBody: Content {
        var text: String?
    }

    struct AuditEntry: Content {
        var id: UUID
        var at: Date
        var actor, action, subject: String
        var before, after: JSONFragment

        init(_ row: AuditEntryModel) throws {
            id = try row.requireID()
            (at, actor, action, subject) = (row.at, row.actor, row.action, row.subject)
            (before, after) = (JSONFragment(row.before), JSONFragment(row.after))
        }
    }

    struct AuditList: Content {
        var entries: [AuditEntry]
    }

    struct Subscriber: Content {
        var email, status: String
        var createdAt: Date
        @ExplicitNull var confirmedAt: Date?

        init(_ row: SubscriberModel) {
            (email, status, createdAt, confirmedAt) = (
                row.email, row.stateRaw, row.createdAt ?? Date(timeIntervalSince1970: 0), row.confirmedAt
            )
        }
    }

    struct SubscriberList: Content {
        var counts: [String: Int]
        var subscribers: [Subscriber]
    }

    struct Send: Content {
        var week, subject: String
        var createdAt: Date
        var sent, pending, failed: Int
    }

    struct SendList: Content {
        var issues: [Send]
    }

    struct Settings: Content {
        var moderateLlmTakes: Bool
    }
}

/// Stored JSON text re-emitted as JSON (an object, or null).
struct JSONFragment: Codable, Sendable {
    var value: JSONValue

    init(_ text: String?) {
        value = text.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) } ?? .null
    }

    init(from decoder: any Decoder) throws {
        value = try JSONValue(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
