import Foundation

extension SiteURL.Admin {
    var target: SiteURL.Target {
        switch self {
        case .home: .init(endpoint: .desk)
        case .tools: .init(endpoint: .deskTools)
        case .newTool: .init(endpoint: .deskNewTool)
        case .tool(let slug): .init(endpoint: .deskTool, values: [slug])
        case .toolRetire(let slug): .init(endpoint: .deskRetire, values: [slug])
        case .toolRestore(let slug): .init(endpoint: .deskRestore, values: [slug])
        case .toolPanel(let slug): .init(endpoint: .deskPanel, values: [slug])
        case .toolClaims(let slug): .init(endpoint: .deskClaim, values: [slug])
        case .takes: .init(endpoint: .deskTakes)
        case .takeApprove(let id): .init(endpoint: .deskApprove, values: [id])
        case .takeReject(let id): .init(endpoint: .deskReject, values: [id])
        case .importCatalog: .init(endpoint: .deskImportPage)
        case .subscribers: .init(endpoint: .deskSubscribers)
        case .sends: .init(endpoint: .deskSends)
        case .audit: .init(endpoint: .deskAudit)
        case .settings: .init(endpoint: .deskSettings)
        case .sources: .init(endpoint: .deskSources)
        case .intake: .init(endpoint: .deskIntake)
        case .intakeDecide(let id): .init(endpoint: .deskIntakeDecide, values: [id])
        }
    }
}

extension SiteURL.API {
    var target: SiteURL.Target {
        switch self {
        case .tools: .init(endpoint: .apiTools)
        case .tool(let slug): .init(endpoint: .apiTool, values: [slug])
        case .toolVote(let slug): .init(endpoint: .apiToolVote, values: [slug])
        case .toolHistory(let slug): .init(endpoint: .apiToolHistory, values: [slug])
        case .panelJobs: .init(endpoint: .apiPanelJobs)
        case .compare(let a, let b): .init(endpoint: .apiCompare, values: [a, b])
        case .comparePick(let a, let b): .init(endpoint: .apiComparePick, values: [a, b])
        case .leaderboard(let category): .init(endpoint: .apiLeaderboard, suffix: category.map { "?category=\($0)" } ?? "")
        case .subscribers: .init(endpoint: .apiSubscribe)
        case .openAPI: .init(endpoint: .apiOpenAPI)
        case .cost: .init(endpoint: .apiCost)
        case .search(let filters, let page): .init(endpoint: .apiSearch, suffix: SiteURL.searchQuery(filters, page: page))
        case .admin(let admin): admin.target
        }
    }
}

extension SiteURL.AdminAPI {
    var target: SiteURL.Target {
        switch self {
        case .tools: .init(endpoint: .adminTools)
        case .tool(let slug): .init(endpoint: .adminTool, values: [slug])
        case .toolRetire(let slug): .init(endpoint: .adminRetire, values: [slug])
        case .toolRestore(let slug): .init(endpoint: .adminRestore, values: [slug])
        case .toolPanel(let slug): .init(endpoint: .adminPanel, values: [slug])
        case .takes: .init(endpoint: .adminTakes)
        case .takeApprove(let id): .init(endpoint: .adminApprove, values: [id])
        case .takeReject(let id): .init(endpoint: .adminReject, values: [id])
        case .importCatalog: .init(endpoint: .adminImport)
        case .audit: .init(endpoint: .adminAudit)
        case .subscribers: .init(endpoint: .adminSubscribers)
        case .sends: .init(endpoint: .adminSends)
        case .settings: .init(endpoint: .adminSettings)
        }
    }
}
