import Vapor

/// `verdict panel run|status`: the panel's verbs.
struct PanelCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["run": PanelRunCommand(), "status": PanelStatusCommand()]
    var help: String { "Runs the reviewer panel and shows its jobs (see `verdict panel run --help`)" }
}
