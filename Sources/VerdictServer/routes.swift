import Vapor

/// One line per route.
func routes(_ app: Application) throws {
    let pages = PageController()
    app.get(use: pages.home)
    app.get("tools", ":slug", use: pages.tool)
    app.post("tools", ":slug", "vote", use: pages.vote)
    let comparePage = ComparePageController()
    app.get("compare", ":pair", use: comparePage.show)
    app.post("compare", ":pair", "vote", use: comparePage.pick)
    app.get("categories", ":slug", use: pages.category)
    let leaderboard = LeaderboardController()
    app.get("leaderboard", use: leaderboard.page)
    app.get("leaderboard", ":category", use: leaderboard.page)
    app.get("methodology", use: leaderboard.methodology)

    let api = app.grouped("api", "v1")
    let tools = ToolsAPIController()
    api.get("tools", use: tools.index)
    api.get("tools", ":slug", use: tools.show)
    api.put("tools", ":slug", "vote", use: tools.vote)
    let panel = PanelAPIController()
    api.get("tools", ":slug", "history", use: panel.history)
    api.get("panel", "jobs", use: panel.jobs)
    let compare = CompareAPIController()
    api.get("compare", ":a", ":b", use: compare.show)
    api.put("compare", ":a", ":b", "vote", use: compare.vote)
    api.get("leaderboard", use: leaderboard.api)

    let ops = OpsController()
    app.get("healthz", use: ops.health)
    app.get("metrics", use: ops.metrics)
    app.get("assets", "site.css", use: ops.stylesheet)
}
