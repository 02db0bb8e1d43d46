import Fluent
import Foundation
import Metrics
import Prometheus
import Vapor

/// Health, metrics and the stylesheet: the routes operators and browsers need, not readers.
struct OpsController {
    /// Live: the process answers and so does its database (a read of the migrations and of the
    /// catalog, at most once a second: `DatabaseHealth`), and no request since start-up has met
    /// a corrupt database (a damaged page that only some reads touch would otherwise leave
    /// `/healthz` saying `ok` under 500s).
    func health(req: Request) async throws -> Response {
        let health = req.application.databaseHealth
        if health.isCorrupt { return plain(.serviceUnavailable, "database corrupt: see the server log") }
        let db = req.db
        let answers = await health.answers(logger: req.logger) {
            _ = try await db.appliedMigrationCount()
            _ = try await ToolModel.anyID(on: db)
        }
        if health.isCorrupt { return plain(.serviceUnavailable, "database corrupt: see the server log") }
        return answers ? plain(.ok, "ok") : plain(.serviceUnavailable, "database unavailable: see the server log")
    }

    /// Ready for traffic: the database answers, every migration is applied and the signing key
    /// is loaded. A server still migrating (or waiting for another to finish) is not ready.
    func ready(req: Request) async throws -> Response {
        let applied: Int
        do {
            applied = try await req.db.appliedMigrationCount()
        } catch {
            req.logger.error("readyz: the database does not answer: \(String(reflecting: error))")
            return plain(.serviceUnavailable, "database unavailable: see the server log")
        }
        guard applied >= Migrations.all.count, req.application.verdict.signingKey != nil else {
            return plain(.serviceUnavailable, "not ready: \(applied) of \(Migrations.all.count) migrations applied")
        }
        return plain(.ok, "ready")
    }

    private func plain(_ status: HTTPStatus, _ text: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: text))
    }

    /// The process's counters and latencies (Vapor's per route, `SiteMetrics`), then the panel
    /// jobs by state, counted in the database now. Guarded by `MetricsAccess`.
    func metrics(req: Request) async throws -> Response {
        let access = MetricsAccess.decide(
            peer: req.remoteAddress, forwardedFor: req.headers[.xForwardedFor], trusted: req.settings.limits.trustedProxies,
            bearer: req.headers.bearerAuthorization?.token, req.settings.metrics)
        switch access {
        case .allow: break
        case .forbidden:
            return plain(.forbidden, "this address may not read metrics: see VERDICT_METRICS_ALLOW")
        case .unauthorized:
            let refusal = plain(.unauthorized, "send Authorization: Bearer with VERDICT_METRICS_TOKEN")
            refusal.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"metrics\"")
            return refusal
        }
        let jobs = try await PanelJobModel.counts(on: req.db)
        var buffer: [UInt8] = []
        Metrics.registry.emit(into: &buffer)
        Metrics.panelJobs(jobs).emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }

    /// The OpenAPI document of `/api/v1`, kept true to the routes by a test.
    func openAPI(req: Request) async throws -> Response {
        guard let data = OpenAPIDocument.data else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    func stylesheet(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .css
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        headers.replaceOrAdd(name: .eTag, value: Stylesheet.etag)
        if req.headers.first(name: .ifNoneMatch) == Stylesheet.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }
}

/// The site's one stylesheet, read from the bundle once.
enum Stylesheet {
    static let css: String = {
        guard let url = Bundle.module.url(forResource: "site", withExtension: "css"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }()

    static let etag: String = {
        let digest = SiteCrypto.hex(SHA256.hash(data: Data(css.utf8)).prefix(8))
        return "\"\(digest)\""
    }()
}

/// The Prometheus registry `/metrics` reads; `bootstrap()` makes it the process-wide factory.
enum Metrics {
    static let registry = PrometheusCollectorRegistry()

    /// Makes `registry` swift-metrics' factory. swift-metrics allows one bootstrap per process,
    /// and a test process makes many apps, so later calls do nothing.
    static func bootstrap() { _ = bootstrapped }

    private static let bootstrapped: Bool = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return true
    }()

    /// `verdict_panel_jobs{state}` for one scrape, every state shown (0 included). A registry of
    /// its own per scrape: the numbers are the database's, not this process's, and two
    /// scrapes at once must not see each other's. Every app server reports the same numbers,
    /// so aggregate with `max`, not `sum`.
    static func panelJobs(_ counts: [PanelJobModel.State: Int]) -> PrometheusCollectorRegistry {
        let scrape = PrometheusCollectorRegistry()
        for state in PanelJobModel.State.allCases {
            scrape.makeGauge(
                name: "verdict_panel_jobs", labels: [("state", state.rawValue)],
                help: "Panel jobs in each state, counted in the shared database at scrape time"
            ).set(Double(counts[state] ?? 0))
        }
        return scrape
    }
}

/// `Resources/openapi.json`, read from the bundle once.
enum OpenAPIDocument {
    static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }
}
