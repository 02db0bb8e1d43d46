import Fluent
import FluentPostgresDriver
import NIOConcurrencyHelpers
import Vapor

/// Applies other servers' change events to this server's page cache.
///
/// `serve` runs `follow()`: on PostgreSQL it LISTENs on `SiteChanges.channel` on a connection of
/// its own and reads new events as soon as one is announced (and every second regardless); on
/// SQLite, where a `verdict import` from cron is the other writer, it reads every 100 ms.
/// Event ids are re-read a little below the last one seen, because PostgreSQL can commit a
/// lower id after a higher one.
final class ChangeFeed: Sendable {
    /// This process, in change events: its own events are already applied.
    let origin: String
    private let seen = NIOLockedValueBox(Seen())

    private struct Seen {
        var high: Int64?
        var recent: Set<Int64> = []
    }

    static let overlap: Int64 = 64
    static let keepEvents: TimeInterval = 600

    init(origin: String) {
        self.origin = origin
    }

    /// Reads new events once and applies those from elsewhere; returns how many it applied.
    @discardableResult
    func catchUp(_ app: Application) async throws -> Int {
        let db = app.db
        let start = seen.withLockedValue { $0.high }
        guard let start else {
            // The first read: the events so far (and the overlap re-read below the latest) are
            // marked seen rather than applied one by one; instead, everything this server may
            // have cached since it started serving is dropped once, after they were read.
            let latest = try await ChangeEventModel.latestID(on: db)
            let earlier = try await ChangeEventModel.since(max(0, latest - Self.overlap), limit: 1000, on: db)
            let first = seen.withLockedValue { s in
                guard s.high == nil else { return false }
                s.high = max(latest, earlier.compactMap(\.id).max() ?? 0)
                s.recent.formUnion(earlier.compactMap(\.id))
                return true
            }
            if first { app.invalidateCaches(.everything) }
            return 0
        }
        let events = try await ChangeEventModel.since(max(0, start - Self.overlap), limit: 1000, on: db)
        var scope = CacheScope.tags([])
        var applied = 0
        seen.withLockedValue { s in
            for event in events {
                guard let id = event.id, !s.recent.contains(id) else { continue }
                s.recent.insert(id)
                s.high = max(s.high ?? 0, id)
                guard event.origin != origin else { continue }
                scope = scope + CacheScope(encoded: event.scope)
                applied += 1
            }
            let floor = (s.high ?? 0) - 4 * Self.overlap
            if s.recent.count > 4096 { s.recent = s.recent.filter { $0 > floor } }
        }
        if applied > 0 {
            app.invalidateCaches(scope)
        }
        return applied
    }

    /// Follows changes until cancelled.
    func follow(_ app: Application) async {
        var lastPrune = app.dependencies.clock.now()
        try? await catchUp(app)
        while !Task.isCancelled {
            do {
                if case .postgres(let url, let searchPath) = app.settings.database {
                    try await listen(app, url: url, searchPath: searchPath)
                } else {
                    try await Task.sleep(for: .milliseconds(100))
                    try await catchUp(app)
                }
                let now = app.dependencies.clock.now()
                if now.timeIntervalSince(lastPrune) > 60 {
                    lastPrune = now
                    try await ChangeEventModel.prune(before: now.addingTimeInterval(-Self.keepEvents), on: app.db)
                }
            } catch is CancellationError {
                return
            } catch {
                app.logger.warning("Following other servers' changes: \(String(describing: error)); retrying in 1 s")
                app.invalidateCaches(.everything)
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// One LISTEN session: catches up on every notification and every second, for a minute
    /// (then returns so the caller can prune and reconnect).
    private func listen(_ app: Application, url: String, searchPath: String?) async throws {
        var config = try SQLPostgresConfiguration(url: url)
        if let searchPath { config.searchPath = [searchPath] }
        let connection = try await PostgresConnection.connect(
            on: app.eventLoopGroup.any(), configuration: config.coreConfiguration, id: 0, logger: app.logger
        ).get()
        defer { Task { try? await connection.close() } }
        try await connection.listen(on: SiteChanges.channel) { notifications in
            // Anything written between the last read and the LISTEN is read here.
            try await catchUp(app)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await _ in notifications { try await self.catchUp(app) }
                }
                group.addTask {
                    for _ in 0..<60 {
                        try await Task.sleep(for: .seconds(1))
                        try await self.catchUp(app)
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}

extension Application {
    var changeFeed: ChangeFeed {
        get { configured() }
        set { configure(newValue) }
    }
}
