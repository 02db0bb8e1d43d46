import Foundation
import Vapor
import VerdictCore

/// Every page and endpoint the site links to. Each case names its `Endpoint` and fills that
/// route's path pattern, so a link can only point where a route answers.
enum SiteURL: Sendable, Hashable {
    case home
    /// A page of the home page's categories (`/?page=2`; page 1 is `/`).
    case homePage(Int)
    case tool(String)
    case toolVote(String)
    case compare(String, String)
    case comparePick(String, String)
    case category(String)
    case leaderboard(category: String?)
    case methodology
    /// What's new: tools added, prices, statuses and verdicts changed, by day.
    case whatsNew(category: String?)
    /// The public "Suggest a tool" form.
    case suggest
    /// Every listed tool A–Z, one page after `after` (a slug).
    case tools(after: String?)
    case categories
    /// Comparisons worth reading: each category's leaders against each other.
    case comparisons(page: Int)
    /// The embeddable verdict badge of a tool, `/badge/{slug}.svg`.
    case badge(String)
    /// New tools and verdict changes, site-wide or of one category.
    case feedAtom(category: String?)
    case feedJSON(category: String?)
    case sitemap
    case persona(Persona)
    /// Search: words and filters, one page of results.
    case search(SearchFilters, page: Int)
    /// A comparison's share image.
    case compareCard(String, String)
    case stylesheet
    case newsletter
    case subscribe
    case newsletterArchive
    case newsletterIssue(String)
    case newsletterPreview(String)
    case newsletterConfirm
    case newsletterUnsubscribe
    case api(API)
    case login(next: String?)
    case logout
    case admin(Admin)
    case health
    case ready
    case metrics

    /// The editor's desk.
    enum Admin: Sendable, Hashable {
        case home
        case tools
        case newTool
        case tool(String)
        case toolRetire(String)
        case toolRestore(String)
        case toolPanel(String)
        case toolClaims(String)
        case takes
        case takeApprove(String)
        case takeReject(String)
        case importCatalog
        case subscribers
        case sends
        case audit
        case settings
        case sources
        case intake
        case intakeDecide(String)
    }

    /// The JSON API.
    enum API: Sendable, Hashable {
        case tools
        case tool(String)
        case toolVote(String)
        case toolHistory(String)
        case panelJobs
        case compare(String, String)
        case comparePick(String, String)
        case leaderboard(category: String?)
        case subscribers
        case openAPI
        /// `GET /api/v1/cost`: a month's cost with each tool; the workload follows as a query.
        case cost
        /// `GET /api/v1/search`: the same parameters as `/search`.
        case search(SearchFilters, page: Int)
        case admin(AdminAPI)
    }

    /// The editor's desk for scripts, under the JSON API.
    enum AdminAPI: Sendable, Hashable {
        case tools
        case tool(String)
        case toolRetire(String)
        case toolRestore(String)
        case toolPanel(String)
        case takes
        case takeApprove(String)
        case takeReject(String)
        case importCatalog
        case audit
        case subscribers
        case sends
        case settings
    }

    /// Where a link goes: the route, the values of its path parameters in order, and what
    /// follows the path (a query or a fragment).
    struct Target {
        var endpoint: Endpoint
        var values: [String] = []
        var suffix = ""
    }

    var target: Target {
        switch self {
        case .home: Target(endpoint: .home)
        case .homePage(let page): Target(endpoint: .home, suffix: page > 1 ? "?page=\(page)" : "")
        case .tool(let slug): Target(endpoint: .tool, values: [slug])
        case .toolVote(let slug): Target(endpoint: .toolVote, values: [slug])
        case .compare(let a, let b): Target(endpoint: .compare, values: ["\(a)-vs-\(b)"])
        case .comparePick(let a, let b): Target(endpoint: .comparePick, values: ["\(a)-vs-\(b)"])
        case .category(let slug): Target(endpoint: .category, values: [slug])
        case .leaderboard(nil): Target(endpoint: .leaderboard)
        case .leaderboard(let category?): Target(endpoint: .leaderboardCategory, values: [category])
        case .methodology: Target(endpoint: .methodology)
        case .whatsNew(let category): Target(endpoint: .whatsNew, suffix: category.map { "?category=\(SiteURL.queryEscaped($0))" } ?? "")
        case .suggest: Target(endpoint: .suggestPage)
        case .tools(let after): Target(endpoint: .toolsIndex, suffix: after.map { "?after=\(SiteURL.queryEscaped($0))" } ?? "")
        case .categories: Target(endpoint: .categoriesIndex)
        case .badge(let slug): Target(endpoint: .badge, values: ["\(slug).svg"])
        case .feedAtom(let category): Target(endpoint: .feedAtom, suffix: category.map { "?category=\(SiteURL.queryEscaped($0))" } ?? "")
        case .sitemap: Target(endpoint: .sitemap)
        case .persona(let persona): Target(endpoint: .persona, values: [persona.rawValue])
        case .compareCard(let a, let b): Target(endpoint: .compareCard, values: ["\(a)-vs-\(b)"])
        case .search(let filters, let page): Target(endpoint: .search, suffix: SiteURL.searchQuery(filters, page: page))
        case .feedJSON(let category): Target(endpoint: .feedJSON, suffix: category.map { "?category=\(SiteURL.queryEscaped($0))" } ?? "")
        case .comparisons(let page): Target(endpoint: .compareIndex, suffix: page > 1 ? "?page=\(page)" : "")
        case .stylesheet: Target(endpoint: .stylesheet)
        case .newsletter: Target(endpoint: .home, suffix: "#newsletter")
        case .subscribe: Target(endpoint: .subscribe)
        case .newsletterArchive: Target(endpoint: .newsletterArchive)
        case .newsletterIssue(let week): Target(endpoint: .newsletterIssue, values: [week])
        case .newsletterPreview(let week): Target(endpoint: .newsletterPreview, values: [week])
        case .newsletterConfirm: Target(endpoint: .confirmPage)
        case .newsletterUnsubscribe: Target(endpoint: .unsubscribePage)
        case .login(let next): Target(endpoint: .loginPage, suffix: next.map { "?next=\(SiteURL.queryEscaped($0))" } ?? "")
        case .logout: Target(endpoint: .logout)
        case .health: Target(endpoint: .health)
        case .ready: Target(endpoint: .ready)
        case .metrics: Target(endpoint: .metrics)
        case .admin(let admin): admin.target
        case .api(let api): api.target
        }
    }

    var endpoint: Endpoint { target.endpoint }

    var path: String {
        let target = target
        return Self.fill(target.endpoint.pattern, with: target.values) + target.suffix
    }

    /// The pattern with each `:parameter` replaced by the next value.
    static func fill(_ pattern: [PathComponent], with values: [String]) -> String {
        var values = values[...]
        let parts = pattern.map { component -> String in
            guard case .parameter = component else { return component.description }
            return values.popFirst() ?? component.description
        }
        assert(values.isEmpty, "more values than parameters in \(pattern.string)")
        return "/" + parts.joined(separator: "/")
    }

    /// The canonical comparison URL: slugs in alphabetical order.
    static func canonicalCompare(_ a: String, _ b: String) -> SiteURL {
        let (x, y) = Comparison.canonicalPair(a, b)
        return .compare(x, y)
    }

    /// A search's parameters as a query ("?q=video&open_weights=true&page=2"), empty ones left out.
    static func searchQuery(_ filters: SearchFilters, page: Int) -> String {
        var items = filters.parameters.map { "\($0.name)=\(queryEscaped($0.value))" }
        if page > 1 { items.append("page=\(page)") }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    static func queryEscaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
