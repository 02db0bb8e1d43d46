import Vapor

/// `verdict panel run|status|audit`: the panel's verbs.
struct PanelCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["run": PanelRunCommand(), "status": PanelStatusCommand(), "audit": PanelAuditCommand()]
    var help: String { "Runs the reviewer panel and shows its jobs (see `verdict panel run --help`)" }
}
