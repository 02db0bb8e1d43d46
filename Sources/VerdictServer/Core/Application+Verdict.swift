import Vapor
import VerdictCore

/// Per-application state: the settings read at start-up and the signing key.
struct VerdictState: Sendable {
    var settings: Settings
    /// Key for signing voter cookies; loaded by `prepareDatabase`.
    var signingKey: SymmetricKey?
}

extension Application {
    var verdict: VerdictState {
        get { configured() }
        set { configure(newValue) }
    }

    /// The settings `configure` was given; tests may change them before use.
    var settings: Settings {
        get { verdict.settings }
        set { verdict.settings = newValue }
    }
}

extension Request {
    var verdict: VerdictState { application.verdict }
    var settings: Settings { application.verdict.settings }
}
