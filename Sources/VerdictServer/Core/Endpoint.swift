import Vapor
import VerdictCore

/// The route table: every route the site serves, each declared once with its method, path
/// pattern and access rule. `routes.swift` binds a handler to each; `SiteURL` builds links from
/// the same patterns, so a link cannot point where no route answers.
enum Endpoint: CaseIterable, Sendable {
    case home, tool, toolVote, compare, comparePick, category, leaderboard, leaderboardCategory, methodology
    case whatsNew, suggestPage, suggest, toolsIndex, categoriesIndex, compareIndex, badge, feedAtom, feedJSON, sitemap, persona, compareCard
    case search
    case subscribe, confirmPage, confirm, unsubscribePage, unsubscribe, newsletterArchive, newsletterPreview, newsletterIssue
    case loginPage, login, logout
    case desk, deskTools, deskNewTool, deskCreateTool, deskTool, deskUpdateTool, deskRetire, deskRestore, deskPanel, deskClaim
    case deskTakes, deskApprove, deskReject, deskImportPage, deskImport, deskSubscribers, deskSends, deskAudit, deskSettings
    case deskSources, deskIntake, deskIntakeAdd, deskIntakeDecide
    case apiTools, apiTool, apiToolVote, apiToolHistory, apiPanelJobs, apiCompare, apiComparePick, apiLeaderboard
    case apiSubscribe, apiOpenAPI, apiCost, apiSearch
    case adminTools, adminCreateTool, adminTool, adminUpdateTool, adminRetire, adminRestore, adminPanel
    case adminTakes, adminApprove, adminReject, adminImport, adminAudit, adminSubscribers, adminSends
    case adminSettings, adminUpdateSettings
    case health, ready, metrics, stylesheet

    /// One row of the table.
    struct Spec {
        var method: HTTPMethod
        var path: String
        var access: Access

        init(_ method: HTTPMethod, _ path: String, _ access: Access) {
            (self.method, self.path, self.access) = (method, path, access)
        }
    }

    var spec: Spec {
        let editor = Access.session(.editor)
        let admin = Access.session(.admin)
        return switch self {
        case .home: Spec(.GET, "/", .open)
        case .tool: Spec(.GET, "/tools/:slug", .open)
        case .toolVote: Spec(.POST, "/tools/:slug/vote", .open)
        case .compare: Spec(.GET, "/compare/:pair", .open)
        case .comparePick: Spec(.POST, "/compare/:pair/vote", .open)
        case .category: Spec(.GET, "/categories/:slug", .open)
        case .leaderboard: Spec(.GET, "/leaderboard", .open)
        case .leaderboardCategory: Spec(.GET, "/leaderboard/:category", .open)
        case .methodology: Spec(.GET, "/methodology", .open)
        case .whatsNew: Spec(.GET, "/new", .open)
        case .toolsIndex: Spec(.GET, "/tools", .open)
        case .categoriesIndex: Spec(.GET, "/categories", .open)
        case .compareIndex: Spec(.GET, "/compare", .open)
        case .badge: Spec(.GET, "/badge/:badge", .open)
        case .feedAtom: Spec(.GET, "/feed.atom", .open)
        case .feedJSON: Spec(.GET, "/feed.json", .open)
        case .sitemap: Spec(.GET, "/sitemap.xml", .open)
        case .persona: Spec(.GET, "/personas/:persona", .open)
        case .compareCard: Spec(.GET, "/compare/:pair/card.svg", .open)
        case .search: Spec(.GET, "/search", .open)
        case .suggestPage: Spec(.GET, "/suggest", .open)
        case .suggest: Spec(.POST, "/suggest", .open)
        case .subscribe: Spec(.POST, "/newsletter/subscribe", .open)
        case .confirmPage: Spec(.GET, "/newsletter/confirm", .open)
        case .confirm: Spec(.POST, "/newsletter/confirm", .open)
        case .unsubscribePage: Spec(.GET, "/newsletter/unsubscribe", .open)
        case .unsubscribe: Spec(.POST, "/newsletter/unsubscribe", .open)
        case .newsletterArchive: Spec(.GET, "/newsletter", .open)
        case .newsletterPreview: Spec(.GET, "/newsletter/preview/:week", .open)
        case .newsletterIssue: Spec(.GET, "/newsletter/:week", .open)
        case .loginPage: Spec(.GET, "/login", .open)
        case .login: Spec(.POST, "/login", .open)
        case .logout: Spec(.POST, "/logout", editor)
        case .desk: Spec(.GET, "/admin", editor)
        case .deskTools: Spec(.GET, "/admin/tools", editor)
        case .deskNewTool: Spec(.GET, "/admin/tools/new", editor)
        case .deskCreateTool: Spec(.POST, "/admin/tools/new", editor)
        case .deskTool: Spec(.GET, "/admin/tools/:slug", editor)
        case .deskUpdateTool: Spec(.POST, "/admin/tools/:slug", editor)
        case .deskRetire: Spec(.POST, "/admin/tools/:slug/retire", editor)
        case .deskRestore: Spec(.POST, "/admin/tools/:slug/restore", editor)
        case .deskPanel: Spec(.POST, "/admin/tools/:slug/panel", editor)
        case .deskClaim: Spec(.POST, "/admin/tools/:slug/claims", editor)
        case .deskTakes: Spec(.GET, "/admin/takes", editor)
        case .deskApprove: Spec(.POST, "/admin/takes/:id/approve", editor)
        case .deskReject: Spec(.POST, "/admin/takes/:id/reject", editor)
        case .deskImportPage: Spec(.GET, "/admin/import", editor)
        case .deskImport: Spec(.POST, "/admin/import", editor)
        case .deskSubscribers: Spec(.GET, "/admin/subscribers", admin)
        case .deskSends: Spec(.GET, "/admin/sends", admin)
        case .deskAudit: Spec(.GET, "/admin/audit", admin)
        case .deskSettings: Spec(.POST, "/admin/settings", admin)
        case .deskSources: Spec(.GET, "/admin/sources", editor)
        case .deskIntake: Spec(.GET, "/admin/intake", editor)
        case .deskIntakeAdd: Spec(.POST, "/admin/intake", editor)
        case .deskIntakeDecide: Spec(.POST, "/admin/intake/:id", editor)
        case .apiTools: Spec(.GET, "/api/v1/tools", .open)
        case .apiTool: Spec(.GET, "/api/v1/tools/:slug", .open)
        case .apiToolVote: Spec(.PUT, "/api/v1/tools/:slug/vote", .open)
        case .apiToolHistory: Spec(.GET, "/api/v1/tools/:slug/history", .open)
        case .apiPanelJobs: Spec(.GET, "/api/v1/panel/jobs", .open)
        case .apiCompare: Spec(.GET, "/api/v1/compare/:a/:b", .open)
        case .apiComparePick: Spec(.PUT, "/api/v1/compare/:a/:b/vote", .open)
        case .apiLeaderboard: Spec(.GET, "/api/v1/leaderboard", .open)
        case .apiSubscribe: Spec(.POST, "/api/v1/subscribers", .open)
        case .apiOpenAPI: Spec(.GET, "/api/v1/openapi.json", .open)
        case .apiCost: Spec(.GET, "/api/v1/cost", .open)
        case .apiSearch: Spec(.GET, "/api/v1/search", .open)
        case .adminTools: Spec(.GET, "/api/v1/admin/tools", .token(.editor, .read))
        case .adminCreateTool: Spec(.POST, "/api/v1/admin/tools", .token(.editor, .write))
        case .adminTool: Spec(.GET, "/api/v1/admin/tools/:slug", .token(.editor, .read))
        case .adminUpdateTool: Spec(.PUT, "/api/v1/admin/tools/:slug", .token(.editor, .write))
        case .adminRetire: Spec(.POST, "/api/v1/admin/tools/:slug/retire", .token(.editor, .write))
        case .adminRestore: Spec(.POST, "/api/v1/admin/tools/:slug/restore", .token(.editor, .write))
        case .adminPanel: Spec(.POST, "/api/v1/admin/tools/:slug/panel", .token(.editor, .write))
        case .adminTakes: Spec(.GET, "/api/v1/admin/takes", .token(.editor, .read))
        case .adminApprove: Spec(.POST, "/api/v1/admin/takes/:id/approve", .token(.editor, .write))
        case .adminReject: Spec(.POST, "/api/v1/admin/takes/:id/reject", .token(.editor, .write))
        case .adminImport: Spec(.POST, "/api/v1/admin/import", .token(.editor, .write))
        case .adminAudit: Spec(.GET, "/api/v1/admin/audit", .token(.admin, .read))
        case .adminSubscribers: Spec(.GET, "/api/v1/admin/subscribers", .token(.admin, .read))
        case .adminSends: Spec(.GET, "/api/v1/admin/sends", .token(.admin, .read))
        case .adminSettings: Spec(.GET, "/api/v1/admin/settings", .token(.admin, .read))
        case .adminUpdateSettings: Spec(.PUT, "/api/v1/admin/settings", .token(.admin, .write))
        case .health: Spec(.GET, "/healthz", .open)
        case .ready: Spec(.GET, "/readyz", .open)
        case .metrics: Spec(.GET, "/metrics", .open)
        case .stylesheet: Spec(.GET, "/assets/site.css", .open)
        }
    }

    var method: HTTPMethod { spec.method }
    var access: Access { spec.access }
    var pattern: [PathComponent] { spec.path.pathComponents }

    /// The largest body this route reads, when it differs from the app's default (64 KB, set in
    /// `configure`): catalog imports may carry a whole import file, and the desk's upload wraps
    /// it in a multipart form.
    var maxBodyBytes: Int? {
        switch self {
        case .deskImport: ImportFile.maxBytes + 64 * 1024
        case .adminImport: ImportFile.maxBytes
        case .suggest: 16 * 1024
        default: nil
        }
    }
}
