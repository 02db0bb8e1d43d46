import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// `/metrics` shows what an operator of several app servers watches (requests per route
/// pattern, votes, model spend, the panel queue) and answers only allowed peers.
///
/// The registry is process-wide and the suite runs tests in parallel, so counters are checked
/// as "at least" or as a rise between two scrapes, never as exact values. The panel job gauge
/// is counted in each test's own database at scrape time, so it is exact.
@Suite("/metrics: what operators scrape, and who may")
struct MetricsTests {
    init() {
        Metrics.bootstrap()
    }

    @Test("Requests are counted per route pattern; unknown paths collapse into one label")
    func requestCountsUseRoutePatterns() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let junk = "no-such-\(UUID().uuidString)"
            // MUT
            for slug in ["alpha", "beta"] { #expect(try await app.send(.GET, "/api/v1/tools/\(slug)").status == .ok) }
            #expect(try await app.send(.GET, "/\(junk)").status == .notFound)
            #expect(try await app.send(.GET, "/tools/\(junk)/deeper/still").status == .notFound)
            let scrape = try await app.scrape()
            // validate
            #expect(scrape.status == .ok)
            let tool = ["method": "GET", "path": "/api/v1/tools/:slug", "status": "200"]
            #expect((sample(scrape.text, "http_requests_total", tool) ?? 0) >= 2)
            #expect((sample(scrape.text, "http_request_duration_seconds_count", tool) ?? 0) >= 2)
            let undefined = ["method": "undefined", "path": "vapor_route_undefined", "status": "404"]
            #expect((sample(scrape.text, "http_requests_total", undefined) ?? 0) >= 2)
            #expect(!scrape.text.contains(junk))
            #expect(!scrape.text.contains("/api/v1/tools/alpha"))
        }
    }

    @Test("A tool vote and a head-to-head pick each move verdict_votes_total")
    func votesAreCounted() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let before = try await app.scrape().text
            // MUT
            #expect(try await app.send(.PUT, "/api/v1/tools/alpha/vote", json: #"{"vote":"ship"}"#).status == .ok)
            #expect(try await app.send(.PUT, "/api/v1/compare/alpha/beta/vote", json: #"{"pick":"neither"}"#).status == .ok)
            // validate
            let after = try await app.scrape().text
            for kind in ["tool", "pair"] {
                let rise =
                    (sample(after, "verdict_votes_total", ["kind": kind]) ?? 0)
                    - (sample(before, "verdict_votes_total", ["kind": kind]) ?? 0)
                #expect(rise >= 1, "kind=\(kind)")
            }
        }
    }

    @Test("Panel jobs by state are counted in the database at scrape time, every state shown")
    func jobsByState() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(Catalogs.two)
            let tool = try #require(try await ToolModel.find(slug: "alpha", on: app.db)?.id)
            // MUT
            try await PanelJobModel(tool: tool, persona: Persona.allCases[0].rawValue, backend: "fake", force: false).create(on: app.db)
            let text = try await app.scrape().text
            // validate
            #expect(text.contains("# TYPE verdict_panel_jobs gauge"))
            #expect(sample(text, "verdict_panel_jobs", ["state": "queued"]) == 1)
            for state in PanelJobModel.State.allCases where state != .queued {
                #expect(sample(text, "verdict_panel_jobs", ["state": state.rawValue]) == 0, "state=\(state)")
            }
        }
    }

    @Test("Every model reply adds its tokens and cost per backend")
    func modelSpend() async throws {
        try await withModelPanel({ _, _ in .content(takeJSON("ship"), prompt: 1000, cached: 600, completion: 200) }) { app, _, _ in
            _ = try await app.importYAML(Catalogs.two)
            let before = try await app.scrape().text
            // MUT
            #expect(try await app.queueAll(["alpha"]) == 4)
            try await app.testWorker().drain()
            // validate
            let after = try await app.scrape().text
            func rise(_ name: String, _ labels: [String: String]) -> Double {
                (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0)
            }
            #expect(rise("verdict_model_tokens_total", ["backend": "fake", "direction": "input"]) >= 4000)
            #expect(rise("verdict_model_tokens_total", ["backend": "fake", "direction": "output"]) >= 800)
            // 4 × (400 × $1 + 600 × $0.25 + 200 × $4) per million.
            #expect(rise("verdict_model_cost_usd_total", ["backend": "fake"]) >= 4 * 0.00135 - 1e-9)
        }
    }

    @Test("With VERDICT_METRICS_TOKEN set, a scrape without the token is 401 and with it 200")
    func tokenRequired() async throws {
        try await withTestApp { app in
            let token = "metrics-token-" + String(repeating: "m", count: 32)
            app.settings.metrics.token = token
            // MUT + validate
            let none = try await app.scrape()
            #expect(none.status == .unauthorized)
            #expect(none.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            #expect(try await app.scrape(bearer: token + "x").status == .unauthorized)
            #expect(try await app.scrape(bearer: String(token.dropLast())).status == .unauthorized)
            #expect(try await app.scrape(bearer: token).status == .ok)
            // The address check comes first: the right token from outside the list is refused.
            #expect(try await app.scrape(peer: SocketAddress(ipAddress: "203.0.113.9", port: 4242), bearer: token).status == .forbidden)
        }
    }

    @Test("A peer outside VERDICT_METRICS_ALLOW gets 403, whatever X-Forwarded-For says")
    func peerOutsideAllowList() async throws {
        try await withTestApp { app in
            let outside = try SocketAddress(ipAddress: "203.0.113.9", port: 4242)
            let loopback = try SocketAddress(ipAddress: "127.0.0.1", port: 4242)
            // MUT + validate: the default list is loopback; a forwarded loopback address does
            // not let an outside peer in, even when that peer is a trusted proxy.
            #expect(try await app.scrape(peer: outside).status == .forbidden)
            #expect(try await app.scrape(peer: outside, forwardedFor: "127.0.0.1").status == .forbidden)
            app.settings.limits.trustedProxies = try CIDR.list("203.0.113.0/24")
            #expect(try await app.scrape(peer: outside, forwardedFor: "127.0.0.1").status == .forbidden)
            #expect(try await app.scrape(peer: loopback, forwardedFor: "198.51.100.7").status == .ok)
            // A reverse proxy on this host, trusted: what it forwards from outside is refused.
            app.settings.limits.trustedProxies = try CIDR.list("127.0.0.1/32")
            #expect(try await app.scrape(peer: loopback, forwardedFor: "198.51.100.7").status == .forbidden)
            #expect(try await app.scrape(peer: loopback, forwardedFor: "198.51.100.7, 127.0.0.1").status == .forbidden)
            #expect(try await app.scrape(peer: loopback).status == .ok)
            app.settings.limits.trustedProxies = []
            #expect(try await app.scrape(peer: SocketAddress(ipAddress: "::1", port: 4242)).status == .ok)
            #expect(try await app.scrape(peer: SocketAddress(ipAddress: "::ffff:127.0.0.1", port: 4242)).status == .ok)
            // A private network only: loopback, and so an in-process request, is now refused.
            app.settings.metrics.allow = try CIDR.list("10.0.0.0/8")
            #expect(try await app.scrape(peer: SocketAddress(ipAddress: "10.1.2.3", port: 4242)).status == .ok)
            #expect(try await app.scrape(peer: SocketAddress(ipAddress: "127.0.0.1", port: 4242)).status == .forbidden)
            #expect(try await app.scrape().status == .forbidden)
        }
    }

    @Test(arguments: [
        ("VERDICT_METRICS_TOKEN", "too-short"),
        ("VERDICT_METRICS_TOKEN", "forty bytes but with spaces in it, no good"),
        ("VERDICT_METRICS_ALLOW", "10.0.0.0/8,banana"),
        ("VERDICT_METRICS_ALLOW", "10.0.0.0/33"),
        ("VERDICT_METRICS_ALLOW", ","),
    ])
    func refusesMalformedSettings(name: String, value: String) throws {
        let error = try #require(throws: SettingsError.self) { try Settings.load(environment: [name: value]) }
        #expect(error.description.hasPrefix(name + "="))
        if name == "VERDICT_METRICS_TOKEN" { #expect(!error.description.contains(value)) }
    }

    @Test("Defaults: no token, loopback only; a set token is never shown")
    func settingsDefaultsAndSecrecy() throws {
        let defaults = try Settings.load(environment: [:]).metrics
        #expect(defaults.token == nil)
        let allowed = { (ip: String) in defaults.allow.contains { $0.contains(IPAddress(ip)!) } }
        #expect(allowed("127.0.0.1") && allowed("::1") && !allowed("10.0.0.1") && !allowed("127.0.0.2"))
        let token = String(repeating: "t", count: 48)
        let set = try Settings.load(environment: ["VERDICT_METRICS_TOKEN": token, "VERDICT_METRICS_ALLOW": "10.0.0.0/8, fd00::/8"])
        #expect(set.metrics.token == token)
        #expect(set.metrics.allow.count == 2)
        #expect(!set.report.contains { $0.value.contains(token) })
    }
}

extension Application {
    /// GETs `/metrics` from `peer` (nil: no socket, as `app.testing()` sends). `app.send` cannot
    /// set a peer address, so this builds the request itself.
    func scrape(
        peer: SocketAddress? = nil, bearer: String? = nil, forwardedFor: String? = nil
    ) async throws -> (status: HTTPStatus, headers: HTTPHeaders, text: String) {
        _ = try testing()  // boots the app once
        var headers = HTTPHeaders()
        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
        if let forwardedFor { headers.replaceOrAdd(name: .xForwardedFor, value: forwardedFor) }
        let req = Request(
            application: self, url: "/metrics", headers: headers, remoteAddress: peer, logger: logger, on: eventLoopGroup.next())
        let res = try await responder.respond(to: req).get()
        let body = try await res.body.collect(on: req.eventLoop).get()
        return (res.status, res.headers, body.flatMap { $0.getString(at: $0.readerIndex, length: $0.readableBytes) } ?? "")
    }
}

/// The sum of the samples of `name` in a Prometheus text scrape whose labels include `labels`;
/// nil when there is none.
func sample(_ text: String, _ name: String, _ labels: [String: String] = [:]) -> Double? {
    var total: Double?
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
        let series = line[..<space]
        let brace = series.firstIndex(of: "{") ?? series.endIndex
        guard series[..<brace] == name else { continue }
        var found: [String: String] = [:]
        for match in String(series[brace...]).matches(of: /(\w+)="((?:[^"\\]|\\.)*)"/) {
            found[String(match.1)] = String(match.2)
        }
        guard labels.allSatisfy({ found[$0.key] == $0.value }) else { continue }
        total = (total ?? 0) + value
    }
    return total
}
