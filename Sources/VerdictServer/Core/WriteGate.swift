import NIOConcurrencyHelpers

/// Lets one of this server's hot write paths write to SQLite at a time, in arrival order.
///
/// SQLite admits one writer. A second connection that tries to write waits in SQLite's busy
/// handler, which sleeps 1, 2, 5, 10… ms between tries on a pool thread. Under load, the vote
/// limits' counters, new voters and votes (three group commits) met there on every third
/// commit, and the cores sat idle while readers waited. Waiting here instead is a suspended
/// task: the next writer starts the moment the previous one commits.
///
/// Only this process's writers queue here; other processes on the same file still meet in the
/// busy handler. On PostgreSQL the gate is open: writers lock rows, not the database.
final class WriteGate: Sendable {
    private struct State {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let enabled: Bool
    private let state = NIOLockedValueBox(State())

    /// Whether the current task already holds a gate: a write inside a gated write runs at once
    /// instead of waiting for itself.
    @TaskLocal private static var holding = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Runs `body` once no other gated write of this server is running.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard enabled, !Self.holding else { return try await body() }
        await acquire()
        defer { release() }
        return try await Self.$holding.withValue(true) { try await body() }
    }

    private func acquire() async {
        await withCheckedContinuation { (ready: CheckedContinuation<Void, Never>) in
            let now = state.withLockedValue { s -> Bool in
                if s.busy {
                    s.waiting.append(ready)
                    return false
                }
                s.busy = true
                return true
            }
            if now { ready.resume() }
        }
    }

    /// Hands the gate to the longest waiter, or opens it.
    private func release() {
        let next = state.withLockedValue { s -> CheckedContinuation<Void, Never>? in
            if s.waiting.isEmpty {
                s.busy = false
                return nil
            }
            return s.waiting.removeFirst()
        }
        next?.resume()
    }
}
