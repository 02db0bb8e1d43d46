import Foundation
import VerdictCore

/// Every page and endpoint the site links to; routes and links are built from this one list.
enum SiteURL: Sendable, Hashable {
    case home
    case tool(String)
    case toolVote(String)
    case compare(String, String)
    case comparePick(String, String)
    case category(String)
    case leaderboard(category: String?)
    case methodology
    case stylesheet
    case newsletter
    case subscribe
    case newsletterArchive
    case newsletterIssue(String)
    case newsletterConfirm
    case api(API)
    case login(next: String?)
    case logout
    case admin(Admin)

    /// The editor's desk.
    enum Admin: Sendable, Hashable {
        case home, tools, newTool, tool(String), toolRetire(String), toolRestore(String), toolPanel(String)
        case takes, takeApprove(String), takeReject(String), importCatalog, subscribers, sends, audit, settings
    }

    enum API: Sendable, Hashable {
        case tools
        case tool(String)
        case toolVote(String)
        case compare(String, String)
        case comparePick(String, String)
        case leaderboard(category: String?)
    }

    var path: String {
        switch self {
        case .home: "/"
        case .tool(let slug): "/tools/\(slug)"
        case .toolVote(let slug): "/tools/\(slug)/vote"
        case .compare(let a, let b): "/compare/\(a)-vs-\(b)"
        case .comparePick(let a, let b): "/compare/\(a)-vs-\(b)/vote"
        case .category(let slug): "/categories/\(slug)"
        case .leaderboard(let category): category.map { "/leaderboard/\($0)" } ?? "/leaderboard"
        case .methodology: "/methodology"
        case .stylesheet: "/assets/site.css"
        case .newsletter: "/#newsletter"
        case .subscribe: "/newsletter/subscribe"
        case .newsletterArchive: "/newsletter"
        case .newsletterIssue(let week): "/newsletter/\(week)"
        case .newsletterConfirm: "/newsletter/confirm"
        case .login(let next):
            next.map { "/login?next=\(SiteURL.queryEscaped($0))" } ?? "/login"
        case .logout: "/logout"
        case .admin(let admin):
            switch admin {
            case .home: "/admin"
            case .tools: "/admin/tools"
            case .newTool: "/admin/tools/new"
            case .tool(let slug): "/admin/tools/\(slug)"
            case .toolRetire(let slug): "/admin/tools/\(slug)/retire"
            case .toolRestore(let slug): "/admin/tools/\(slug)/restore"
            case .toolPanel(let slug): "/admin/tools/\(slug)/panel"
            case .takes: "/admin/takes"
            case .takeApprove(let id): "/admin/takes/\(id)/approve"
            case .takeReject(let id): "/admin/takes/\(id)/reject"
            case .importCatalog: "/admin/import"
            case .subscribers: "/admin/subscribers"
            case .sends: "/admin/sends"
            case .audit: "/admin/audit"
            case .settings: "/admin/settings"
            }
        case .api(let api):
            switch api {
            case .tools: "/api/v1/tools"
            case .tool(let slug): "/api/v1/tools/\(slug)"
            case .toolVote(let slug): "/api/v1/tools/\(slug)/vote"
            case .compare(let a, let b): "/api/v1/compare/\(a)/\(b)"
            case .comparePick(let a, let b): "/api/v1/compare/\(a)/\(b)/vote"
            case .leaderboard(let category): category.map { "/api/v1/leaderboard?category=\($0)" } ?? "/api/v1/leaderboard"
            }
        }
    }

    /// The canonical comparison URL: slugs in alphabetical order.
    static func canonicalCompare(_ a: String, _ b: String) -> SiteURL {
        let (x, y) = Comparison.canonicalPair(a, b)
        return .compare(x, y)
    }

    static func queryEscaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
