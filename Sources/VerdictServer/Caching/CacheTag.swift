import Foundation

/// What a cached page shows, so that a change invalidates exactly the pages that show it.
///
/// A page carries `.tool(id)` for every tool whose numbers, takes or facts it prints, and a list
/// tag for every list whose membership or order it prints. A change names the same tags.
enum CacheTag: Hashable, Sendable {
    /// One tool's facts, takes, community vote or head-to-head numbers, by slug (slugs never
    /// change once a tool exists).
    case tool(String)
    /// Only one tool's community vote and head-to-head numbers, by slug. A page that shows a
    /// tool shows these too (`shown`), so a vote drops it; the data a page is rendered from
    /// (facts, takes, history) carries `.tool` alone, so a vote leaves it in the `DataCache`.
    case community(String)
    /// Which tools a category lists and in what order.
    case category(String)
    /// Which tools a category has and their facts, whatever their order: where rivals come from.
    case members(String)
    /// Which categories exist and how many tools each has; the catalog's size.
    case catalog
    /// The head-to-head ranking.
    case leaderboard
    /// Any tool's takes, votes or facts: pages that aggregate over the whole catalog (a persona's
    /// record, the site-wide feed) carry this one tag instead of every category's.
    case standings
    /// The newsletter archive and its issues.
    case newsletter

    /// Short text form, used in change events that cross servers.
    var encoded: String {
        switch self {
        case .tool(let slug): "t:\(slug)"
        case .community(let slug): "v:\(slug)"
        case .category(let slug): "c:\(slug)"
        case .members(let slug): "m:\(slug)"
        case .catalog: "catalog"
        case .leaderboard: "leaderboard"
        case .standings: "standings"
        case .newsletter: "newsletter"
        }
    }

    init?(encoded text: Substring) {
        switch text {
        case "catalog": self = .catalog
        case "leaderboard": self = .leaderboard
        case "standings": self = .standings
        case "newsletter": self = .newsletter
        default:
            if text.hasPrefix("t:"), text.count > 2 {
                self = .tool(String(text.dropFirst(2)))
            } else if text.hasPrefix("v:"), text.count > 2 {
                self = .community(String(text.dropFirst(2)))
            } else if text.hasPrefix("c:"), text.count > 2 {
                self = .category(String(text.dropFirst(2)))
            } else if text.hasPrefix("m:"), text.count > 2 {
                self = .members(String(text.dropFirst(2)))
            } else {
                return nil
            }
        }
    }
}

extension CacheTag {
    /// `tags` with each tool's community numbers added: what a page that shows those tools
    /// shows (its stored tags), and what a change to those tools reaches (what it invalidates).
    static func shown(_ tags: Set<CacheTag>) -> Set<CacheTag> {
        var out = tags
        for case .tool(let slug) in tags { out.insert(.community(slug)) }
        return out
    }
}

/// The tags one write invalidates: a set, or everything (settings, a large import).
enum CacheScope: Sendable, Equatable {
    case tags(Set<CacheTag>)
    case everything

    /// Text for a change event: "*" or tags separated by spaces.
    var encoded: String {
        switch self {
        case .everything: "*"
        case .tags(let tags): tags.map(\.encoded).sorted().joined(separator: " ")
        }
    }

    /// Reads an event's text; anything unreadable counts as everything (safe, never stale).
    init(encoded text: String) {
        guard text != "*" else {
            self = .everything
            return
        }
        var tags = Set<CacheTag>()
        for part in text.split(separator: " ") {
            guard let tag = CacheTag(encoded: part) else {
                self = .everything
                return
            }
            tags.insert(tag)
        }
        self = .tags(tags)
    }

    static func + (lhs: CacheScope, rhs: CacheScope) -> CacheScope {
        switch (lhs, rhs) {
        case (.tags(let a), .tags(let b)): .tags(a.union(b))
        default: .everything
        }
    }
}
