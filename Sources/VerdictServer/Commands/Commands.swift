import Vapor

/// The CLI verbs, each in its own file: a verb with sub-verbs is an `AsyncCommandGroup` of
/// one `AsyncCommand` per sub-verb.
enum Commands {
    static func register(_ app: Application) {
        if let serve = app.asyncCommands.commands["serve"] {
            app.asyncCommands.use(PreparingServe(wrapped: serve), as: "serve", isDefault: true)
        }
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(SyncCommand(), as: "sync")
        app.asyncCommands.use(PanelCommand(), as: "panel")
        app.asyncCommands.use(WorkerCommand(), as: "worker")
        app.asyncCommands.use(NewsletterCommand(), as: "newsletter")
        app.asyncCommands.use(UserCommand(), as: "user")
        app.asyncCommands.use(TokenCommand(), as: "token")
        app.asyncCommands.use(ConfigCommand(), as: "config")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(MCPCommand(), as: "mcp")
        app.asyncCommands.use(ExportCommand(), as: "export")
    }
}

extension Optional {
    /// The value, or `error` thrown: for required command options.
    func orThrow(_ error: @autoclosure () -> any Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
