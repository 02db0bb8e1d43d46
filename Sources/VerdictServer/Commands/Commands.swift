import Vapor

/// The CLI verbs, each in its own file.
enum Commands {
    static func register(_ app: Application) {
        if let serve = app.asyncCommands.commands["serve"] {
            app.asyncCommands.use(PreparingServe(wrapped: serve), as: "serve", isDefault: true)
        }
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(PanelCommands(), as: "panel")
        app.asyncCommands.use(WorkerCommand(), as: "worker")
        app.asyncCommands.use(NewsletterCommands(), as: "newsletter")
        app.asyncCommands.use(UserCommands(), as: "user")
        app.asyncCommands.use(TokenCommands(), as: "token")
    }
}
