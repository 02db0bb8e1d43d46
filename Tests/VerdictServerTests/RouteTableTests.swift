import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// A link for every endpoint. The switch has no default, so a new endpoint must get a link here,
/// and `linksMatchTheirRoutes` checks the link's path fits the endpoint's pattern.
func sampleLink(_ endpoint: Endpoint) -> SiteURL {
    switch endpoint {
    case .home: .home
    case .tool: .tool("smollm3")
    case .toolVote: .toolVote("smollm3")
    case .compare: .compare("gemini-2-5-flash", "smollm3")
    case .comparePick: .comparePick("gemini-2-5-flash", "smollm3")
    case .category: .category("language-models")
    case .leaderboard: .leaderboard(category: nil)
    case .leaderboardCategory: .leaderboard(category: "language-models")
    case .methodology: .methodology
    case .whatsNew: .whatsNew(category: nil)
    case .toolsIndex: .tools(after: nil)
    case .categoriesIndex: .categories
    case .compareIndex: .comparisons(page: 1)
    case .badge: .badge("smollm3")
    case .feedAtom: .feedAtom(category: nil)
    case .feedJSON: .feedJSON(category: nil)
    case .sitemap: .sitemap
    case .persona: .persona(.buyer)
    case .compareCard: .compareCard("gemini-2-5-flash", "smollm3")
    case .search: .search(SearchFilters(), page: 1)
    case .suggestPage, .suggest: .suggest
    case .subscribe: .subscribe
    case .confirmPage, .confirm: .newsletterConfirm
    case .unsubscribePage, .unsubscribe: .newsletterUnsubscribe
    case .newsletterArchive: .newsletterArchive
    case .newsletterPreview: .newsletterPreview("2026-W48")
    case .newsletterIssue: .newsletterIssue("2026-W48")
    case .loginPage, .login: .login(next: nil)
    case .logout: .logout
    case .desk: .admin(.home)
    case .deskTools: .admin(.tools)
    case .deskNewTool, .deskCreateTool: .admin(.newTool)
    case .deskTool, .deskUpdateTool: .admin(.tool("smollm3"))
    case .deskRetire: .admin(.toolRetire("smollm3"))
    case .deskRestore: .admin(.toolRestore("smollm3"))
    case .deskPanel: .admin(.toolPanel("smollm3"))
    case .deskClaim: .admin(.toolClaims("smollm3"))
    case .deskTakes: .admin(.takes)
    case .deskApprove: .admin(.takeApprove(UUID().uuidString))
    case .deskReject: .admin(.takeReject(UUID().uuidString))
    case .deskImportPage, .deskImport: .admin(.importCatalog)
    case .deskSubscribers: .admin(.subscribers)
    case .deskSends: .admin(.sends)
    case .deskAudit: .admin(.audit)
    case .deskSettings: .admin(.settings)
    case .deskSources: .admin(.sources)
    case .deskIntake, .deskIntakeAdd: .admin(.intake)
    case .deskIntakeDecide: .admin(.intakeDecide("7d444840-9dc0-11d1-b245-5ffdce74fad2"))
    case .apiTools: .api(.tools)
    case .apiTool: .api(.tool("smollm3"))
    case .apiToolVote: .api(.toolVote("smollm3"))
    case .apiToolHistory: .api(.toolHistory("smollm3"))
    case .apiPanelJobs: .api(.panelJobs)
    case .apiCompare: .api(.compare("gemini-2-5-flash", "smollm3"))
    case .apiComparePick: .api(.comparePick("gemini-2-5-flash", "smollm3"))
    case .apiLeaderboard: .api(.leaderboard(category: nil))
    case .apiSubscribe: .api(.subscribers)
    case .apiOpenAPI: .api(.openAPI)
    case .apiCost: .api(.cost)
    case .apiSearch: .api(.search(SearchFilters(), page: 1))
    case .adminTools, .adminCreateTool: .api(.admin(.tools))
    case .adminTool, .adminUpdateTool: .api(.admin(.tool("smollm3")))
    case .adminRetire: .api(.admin(.toolRetire("smollm3")))
    case .adminRestore: .api(.admin(.toolRestore("smollm3")))
    case .adminPanel: .api(.admin(.toolPanel("smollm3")))
    case .adminTakes: .api(.admin(.takes))
    case .adminApprove: .api(.admin(.takeApprove(UUID().uuidString)))
    case .adminReject: .api(.admin(.takeReject(UUID().uuidString)))
    case .adminImport: .api(.admin(.importCatalog))
    case .adminAudit: .api(.admin(.audit))
    case .adminSubscribers: .api(.admin(.subscribers))
    case .adminSends: .api(.admin(.sends))
    case .adminSettings, .adminUpdateSettings: .api(.admin(.settings))
    case .health: .health
    case .ready: .ready
    case .metrics: .metrics
    case .stylesheet: .stylesheet
    }
}

/// The path of a link without its query or fragment, split like a route's path.
private func components(_ link: SiteURL) -> [String] {
    let path = link.path.prefix { $0 != "?" && $0 != "#" }
    return path.split(separator: "/").map(String.init)
}

/// Whether concrete path components fit a route pattern (constants equal, one value per parameter).
private func fits(_ parts: [String], _ pattern: [PathComponent]) -> Bool {
    guard parts.count == pattern.count else { return false }
    return zip(parts, pattern).allSatisfy { part, component in
        switch component {
        case .constant(let text): part == text
        case .parameter: !part.isEmpty && !part.contains("/")
        default: false
        }
    }
}

@Suite("Route table: every endpoint is served exactly once, and every link fits a route")
struct RouteTableTests {
    @Test("Every endpoint is registered exactly once, and every registered route is an endpoint's")
    func everyEndpointRegisteredOnce() async throws {
        try await withTestApp(seedDemo: false) { app in
            var seen: [Endpoint: Int] = [:]
            for route in app.routes.all {
                let endpoint = try #require(route.endpoint, "route \(route.key) was not registered from an endpoint")
                seen[endpoint, default: 0] += 1
                #expect(route.method == endpoint.method && route.path == endpoint.pattern, "route \(route.key) differs from \(endpoint)")
                #expect(route.accessRule == endpoint.access, "route \(route.key) has another rule than \(endpoint)")
            }
            for endpoint in Endpoint.allCases {
                #expect(seen[endpoint] == 1, "\(endpoint) registered \(seen[endpoint] ?? 0) times")
            }
            let keys = Endpoint.allCases.map { "\($0.method.rawValue) \($0.spec.path)" }
            #expect(Set(keys).count == keys.count, "two endpoints share a method and path")
        }
    }

    @Test("Every link's path fits its endpoint's pattern, and every endpoint has a link")
    func linksMatchTheirRoutes() {
        for endpoint in Endpoint.allCases {
            let link = sampleLink(endpoint)
            #expect(link.endpoint.pattern == endpoint.pattern, "\(endpoint): its link \(link) is for \(link.endpoint)")
            #expect(fits(components(link), link.endpoint.pattern), "\(link.path) does not fit \(link.endpoint.pattern.string)")
        }
    }

    @Test("Links keep the site's addresses")
    func addressesStay() {
        #expect(SiteURL.home.path == "/")
        #expect(SiteURL.compare("a", "b").path == "/compare/a-vs-b")
        #expect(SiteURL.leaderboard(category: nil).path == "/leaderboard")
        #expect(SiteURL.leaderboard(category: "x").path == "/leaderboard/x")
        #expect(SiteURL.newsletter.path == "/#newsletter")
        #expect(SiteURL.login(next: "/admin/tools").path == "/login?next=/admin/tools")
        #expect(SiteURL.api(.compare("a", "b")).path == "/api/v1/compare/a/b")
        #expect(SiteURL.api(.leaderboard(category: "x")).path == "/api/v1/leaderboard?category=x")
        #expect(SiteURL.api(.toolHistory("x")).path == "/api/v1/tools/x/history")
        #expect(SiteURL.admin(.takeApprove("1")).path == "/admin/takes/1/approve")
        #expect(SiteURL.api(.admin(.importCatalog)).path == "/api/v1/admin/import")
    }

    @Test("Only catalog imports take more than the default body; the suggestion form takes less")
    func bodyLimits() {
        let larger = Endpoint.allCases.filter { ($0.maxBodyBytes ?? 0) > 64 * 1024 }
        #expect(Set(larger) == [.deskImport, .adminImport])
        #expect(Endpoint.suggest.maxBodyBytes == 16 * 1024)
    }
}
