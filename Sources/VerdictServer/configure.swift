import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor
import VerdictCore

/// Wires the application: settings, dependencies, database, encoders, middleware, routes,
/// commands. Wiring only.
public func configure(_ app: Application, settings: Settings) async throws {
    // Blocking work runs on the thread pool: every SQLite statement and every bcrypt hash. Each
    // application gets a pool of its own with more threads than it has SQLite connections
    // (`sqliteConnectionsPerEventLoop` per event loop): SQLite's driver retries a locked database
    // in a loop on its pool thread, so with a pool shared across applications (the process-wide
    // default), writers waiting on each other could take every thread and starve the open
    // transaction they wait for.
    app.threadPool = NIOThreadPool(numberOfThreads: max(4, System.coreCount * sqliteConnectionsPerEventLoop * 2))
    app.verdict = VerdictState(settings: settings)
    app.dependencies = try .live(settings, http: app.http.client.shared)
    app.votingState = VotingState(application: app)
    app.mail = MailSetup(settings)
    app.pageCache = PageCache(maxBytes: settings.pageCacheMegabytes << 20)
    app.dataCache = DataCache(maxBytes: settings.dataCacheMegabytes << 20)
    app.changeFeed = ChangeFeed(origin: app.dependencies.random.hex128())
    try useDatabase(app, settings)
    app.migrations.add(Migrations.all)

    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    // Bodies use the same snake_case keys as answers.
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    ContentConfiguration.global.use(decoder: decoder, for: .json)

    app.routes.defaultMaxBodySize = "64kb"
    app.databaseHealth = DatabaseHealth()
    app.middleware = Middlewares()
    // Outermost: shutting down waits for every handler still running (see InFlightRequests).
    let inFlight = InFlightRequests()
    app.middleware.use(inFlight)
    app.lifecycle.use(DrainInFlightRequests(requests: inFlight))
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    // Security headers wrap error pages too, so they sit outside the error renderer.
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorRenderingMiddleware())
    // Before anything reads a query value: decoding an oversized query is the expensive part.
    app.middleware.use(QueryLimitMiddleware())
    app.middleware.use(CrossSiteGuard())
    try routes(app)
    Commands.register(app)
}

/// SQLite connections per event loop: two, so that while one commits a write (and waits for its
/// fsync) reads on the same event loop go on (WAL lets readers run beside the writer).
private let sqliteConnectionsPerEventLoop = 2

private func useDatabase(_ app: Application, _ settings: Settings) throws {
    switch settings.database {
    case .sqlite(let path):
        app.databases.use(
            .sqlite(
                .file(path), maxConnectionsPerEventLoop: sqliteConnectionsPerEventLoop,
                connectionPoolTimeout: .seconds(Int64(settings.databasePoolWaitSeconds))), as: .sqlite)
    case .postgres(let url, let searchPath):
        var pg = try SQLPostgresConfiguration(url: url)
        if let searchPath { pg.searchPath = [searchPath] }
        app.databases.use(
            .postgres(
                configuration: pg, maxConnectionsPerEventLoop: settings.postgresPoolPerEventLoop,
                connectionPoolTimeout: .seconds(Int64(settings.databasePoolWaitSeconds))),
            as: .psql)
    }
}
