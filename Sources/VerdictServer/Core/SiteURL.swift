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
}
