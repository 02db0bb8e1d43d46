import NIOConcurrencyHelpers
import Vapor

/// Whether a request of this server has met a corrupt database. Set by the error renderer and
/// `/healthz`, never cleared: a damaged database needs an operator (restore a backup), and a
/// load balancer should take the server out of rotation until then.
final class DatabaseHealth: Sendable {
    private let corrupt = NIOLockedValueBox(false)

    var isCorrupt: Bool { corrupt.withLockedValue { $0 } }

    func markCorrupt() { corrupt.withLockedValue { $0 = true } }
}

extension Application {
    /// Set up in `configure`.
    var databaseHealth: DatabaseHealth {
        get { configured() }
        set { configure(newValue) }
    }
}
