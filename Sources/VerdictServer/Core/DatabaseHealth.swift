import NIOConcurrencyHelpers
import Vapor

/// What `/healthz` knows about the database without asking it on every probe.
///
/// A probe reads the database at most once per `probeInterval`; checks in between get the last
/// answer, so `/healthz` costs what a static answer costs however often a load balancer asks,
/// and is at most that interval late. A request that met a corrupt database marks it for good
/// (`markCorrupt`): a damaged database needs an operator (restore a backup), and a load balancer
/// should take the server out of rotation until then.
final class DatabaseHealth: Sendable {
    private struct State {
        var corrupt = false
        var answering = true
        var checkedAt: ContinuousClock.Instant?
        var probing = false
    }

    private let state = NIOLockedValueBox(State())
    let probeInterval: Duration

    init(probeInterval: Duration = .seconds(1)) {
        self.probeInterval = probeInterval
    }

    var isCorrupt: Bool { state.withLockedValue { $0.corrupt } }

    func markCorrupt() { state.withLockedValue { $0.corrupt = true } }

    /// Whether the database answered its latest probe, running `probe` when one is due and no
    /// other is under way. A probe that throws a corruption error marks the database corrupt.
    func answers(logger: Logger, probe: @Sendable () async throws -> Void) async -> Bool {
        let now = ContinuousClock.now
        let due = state.withLockedValue { s -> Bool in
            guard !s.probing else { return false }
            if let at = s.checkedAt, now - at < probeInterval { return false }
            s.probing = true
            return true
        }
        guard due else { return state.withLockedValue { $0.answering && !$0.corrupt } }
        var answering = true
        do {
            try await probe()
        } catch {
            answering = false
            if DatabaseErrors.isCorruption(error) { markCorrupt() }
            logger.error("healthz: the database does not answer: \(String(reflecting: error))")
        }
        return state.withLockedValue { s in
            s.answering = answering
            s.checkedAt = now
            s.probing = false
            return answering && !s.corrupt
        }
    }
}

extension Application {
    /// Set up in `configure`.
    var databaseHealth: DatabaseHealth {
        get { configured() }
        set { configure(newValue) }
    }
}
