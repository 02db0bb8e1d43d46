import Foundation
import Prometheus
import Vapor

/// Health, metrics and the stylesheet: the routes operators and browsers need, not readers.
struct OpsController {
    /// Live: the process answers and so does its database (a read of a real table).
    func health(req: Request) async throws -> Response {
        do {
            _ = try await req.db.appliedMigrationCount()
            return plain(.ok, "ok")
        } catch {
            req.logger.error("healthz: the database does not answer: \(String(reflecting: error))")
            return plain(.serviceUnavailable, "database unavailable: see the server log")
        }
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

    func metrics(req: Request) async throws -> Response {
        var buffer: [UInt8] = []
        Metrics.registry.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
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
        let digest = SHA256.hash(data: Data(css.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return "\"\(digest)\""
    }()
}

/// The Prometheus registry `/metrics` reads; `bootstrapMetrics()` makes it the process-wide factory.
enum Metrics {
    static let registry = PrometheusCollectorRegistry()
}

/// `Resources/openapi.json`, read from the bundle once.
enum OpenAPIDocument {
    static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }
}
