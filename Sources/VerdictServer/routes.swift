import Vapor
import VerdictCore

/// Registers every `Endpoint` under the `Gatekeeper`, which refuses routes without a rule. The
/// method, path, access rule and body limit come from the endpoint; here each gets its handler,
/// in a switch the compiler checks covers every endpoint.
func routes(_ app: Application) throws {
    let site = app.grouped(Gatekeeper())
    let handlers = RouteHandlers()
    for endpoint in Endpoint.allCases {
        site.register(endpoint, use: handlers.handler(for: endpoint))
    }
}

/// The controllers, one value each, and which handler answers which endpoint.
struct RouteHandlers: Sendable {
    let pages = PageController(), comparePage = ComparePageController(), leaderboard = LeaderboardController()
    let newsletter = NewsletterController(), account = AccountController(), ops = OpsController()
    let desk = AdminController(), tools = ToolsAPIController(), panel = PanelAPIController()
    let compare = CompareAPIController(), adminAPI = AdminAPIController()

    func handler(for endpoint: Endpoint) -> Endpoint.Handler {
        switch endpoint {
        case .home: .init(pages.home)
        case .tool: .init(pages.tool)
        case .toolVote: .init(pages.vote)
        case .compare: .init(comparePage.show)
        case .comparePick: .init(comparePage.pick)
        case .category: .init(pages.category)
        case .leaderboard, .leaderboardCategory: .init(leaderboard.page)
        case .methodology: .init(leaderboard.methodology)
        case .subscribe: .init(newsletter.subscribeForm)
        case .confirmPage: .init(newsletter.confirmPage)
        case .confirm: .init(newsletter.confirm)
        case .unsubscribePage: .init(newsletter.unsubscribePage)
        case .unsubscribe: .init(newsletter.unsubscribe)
        case .newsletterArchive: .init(newsletter.archive)
        case .newsletterPreview: .init(newsletter.preview)
        case .newsletterIssue: .init(newsletter.issue)
        case .loginPage: .init(account.loginPage)
        case .login: .init(account.login)
        case .logout: .init(account.logout)
        case .desk: .init(desk.home)
        case .deskTools: .init(desk.tools)
        case .deskNewTool: .init(desk.newTool)
        case .deskCreateTool: .init(desk.createTool)
        case .deskTool: .init(desk.tool)
        case .deskUpdateTool: .init(desk.updateTool)
        case .deskRetire: .init(desk.retire)
        case .deskRestore: .init(desk.restore)
        case .deskPanel: .init(desk.rerunPanel)
        case .deskTakes: .init(desk.takes)
        case .deskApprove: .init(desk.approve)
        case .deskReject: .init(desk.reject)
        case .deskImportPage: .init(desk.importPage)
        case .deskImport: .init(desk.importCatalog)
        case .deskSubscribers: .init(desk.subscribers)
        case .deskSends: .init(desk.sends)
        case .deskAudit: .init(desk.audit)
        case .deskSettings: .init(desk.updateSettings)
        case .apiTools: .init(tools.index)
        case .apiTool: .init(tools.show)
        case .apiToolVote: .init(tools.vote)
        case .apiToolHistory: .init(panel.history)
        case .apiPanelJobs: .init(panel.jobs)
        case .apiCompare: .init(compare.show)
        case .apiComparePick: .init(compare.vote)
        case .apiLeaderboard: .init(leaderboard.api)
        case .apiSubscribe: .init(newsletter.subscribeAPI)
        case .apiOpenAPI: .init(ops.openAPI)
        case .adminTools: .init(adminAPI.tools)
        case .adminCreateTool: .init(adminAPI.createTool)
        case .adminTool: .init(adminAPI.tool)
        case .adminUpdateTool: .init(adminAPI.updateTool)
        case .adminRetire: .init(adminAPI.retire)
        case .adminRestore: .init(adminAPI.restore)
        case .adminPanel: .init(adminAPI.rerunPanel)
        case .adminTakes: .init(adminAPI.takes)
        case .adminApprove: .init(adminAPI.approve)
        case .adminReject: .init(adminAPI.reject)
        case .adminImport: .init(adminAPI.importCatalog)
        case .adminAudit: .init(adminAPI.audit)
        case .adminSubscribers: .init(adminAPI.subscribers)
        case .adminSends: .init(adminAPI.sends)
        case .adminSettings: .init(adminAPI.settings)
        case .adminUpdateSettings: .init(adminAPI.updateSettings)
        case .health: .init(ops.health)
        case .ready: .init(ops.ready)
        case .metrics: .init(ops.metrics)
        case .stylesheet: .init(ops.stylesheet)
        }
    }
}
