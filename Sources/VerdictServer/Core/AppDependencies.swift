import AsyncHTTPClient
import Vapor

/// The outside world the server talks to: the clock, randomness, the HTTP client, the model
/// backends and the mail transport. Set up once in `configure` from `Settings`; tests replace
/// parts (a pinned clock, a seeded random source, a recording transport). A plain struct of
/// interfaces, as isowords passes its `Environment`: swift-dependencies would add a package
/// and task-local magic for what one stored value already gives.
struct AppDependencies: Sendable {
    var clock: AppClock
    var random: RandomSource
    var http: HTTPClient
    var llm: any LLMClient
    var mailTransport: any MailTransport

    /// The real thing: system clock and randomness, live HTTP, SMTP or the outbox folder.
    static func live(_ settings: Settings, http: HTTPClient) throws -> AppDependencies {
        let transport: any MailTransport =
            if let smtp = settings.mail.smtp { try NIOSMTPTransport(config: smtp) } else {
                OutboxTransport(directory: URL(fileURLWithPath: settings.mail.outbox))
            }
        return AppDependencies(
            clock: .system, random: .system, http: http, llm: LiveLLMClient(http: http, clock: .system), mailTransport: transport)
    }
}

extension Application {
    var dependencies: AppDependencies {
        get { configured() }
        set { configure(newValue) }
    }
}

extension Request {
    var dependencies: AppDependencies { application.dependencies }
}
