import Vapor

/// One line per route.
func routes(_ app: Application) throws {
    let pages = PageController()
    app.get(use: pages.home)
    app.get("tools", ":slug", use: pages.tool)
    app.post("tools", ":slug", "vote", use: pages.vote)
    app.get("compare", ":pair", use: pages.compare)
    app.get("categories", ":slug", use: pages.category)

    let api = app.grouped("api", "v1")
    let tools = ToolsAPIController()
    api.get("tools", use: tools.index)
    api.get("tools", ":slug", use: tools.show)
    api.put("tools", ":slug", "vote", use: tools.vote)
    api.get("compare", ":a", ":b", use: CompareAPIController().show)

    let ops = OpsController()
    app.get("healthz", use: ops.health)
    app.get("metrics", use: ops.metrics)
    app.get("assets", "site.css", use: ops.stylesheet)
}
