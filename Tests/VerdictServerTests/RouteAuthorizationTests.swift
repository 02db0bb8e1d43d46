import Fluent
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// The access table: every route the app registers must be listed here with its rule. A new
/// route without a row fails `everyRouteIsListed`; a row whose rule differs fails too.
let expectedAccess: [String: Access] = [
    "GET /": .open, "GET /tools/:slug": .open, "POST /tools/:slug/vote": .open,
    "GET /compare/:pair": .open, "POST /compare/:pair/vote": .open, "GET /categories/:slug": .open,
    "GET /leaderboard": .open, "GET /leaderboard/:category": .open, "GET /methodology": .open,
    "GET /new": .open, "GET /suggest": .open, "POST /suggest": .open,
    "GET /tools": .open, "GET /categories": .open, "GET /compare": .open, "GET /badge/:badge": .open, "GET /feed.atom": .open,
    "GET /feed.json": .open, "GET /sitemap.xml": .open, "GET /personas/:persona": .open,
    "GET /compare/:pair/card.svg": .open, "GET /search": .open, "GET /api/v1/search": .open,
    "GET /admin/sources": .session(.editor), "GET /admin/intake": .session(.editor), "POST /admin/intake": .session(.editor),
    "POST /admin/intake/:id": .session(.editor),
    "POST /newsletter/subscribe": .open, "GET /newsletter/confirm": .open, "POST /newsletter/confirm": .open,
    "GET /newsletter/unsubscribe": .open, "POST /newsletter/unsubscribe": .open, "GET /newsletter": .open,
    "GET /newsletter/preview/:week": .open, "GET /newsletter/:week": .open,
    "GET /login": .open, "POST /login": .open, "POST /logout": .session(.editor),
    "GET /admin": .session(.editor), "GET /admin/tools": .session(.editor), "GET /admin/tools/new": .session(.editor),
    "POST /admin/tools/new": .session(.editor), "GET /admin/tools/:slug": .session(.editor),
    "POST /admin/tools/:slug": .session(.editor), "POST /admin/tools/:slug/retire": .session(.editor),
    "POST /admin/tools/:slug/restore": .session(.editor), "POST /admin/tools/:slug/panel": .session(.editor),
    "POST /admin/tools/:slug/claims": .session(.editor),
    "GET /admin/takes": .session(.editor), "POST /admin/takes/:id/approve": .session(.editor),
    "POST /admin/takes/:id/reject": .session(.editor), "GET /admin/import": .session(.editor),
    "POST /admin/import": .session(.editor), "GET /admin/subscribers": .session(.admin),
    "GET /admin/sends": .session(.admin), "GET /admin/audit": .session(.admin), "POST /admin/settings": .session(.admin),
    "GET /api/v1/tools": .open, "GET /api/v1/tools/:slug": .open, "PUT /api/v1/tools/:slug/vote": .open,
    "GET /api/v1/tools/:slug/history": .open, "GET /api/v1/panel/jobs": .open, "GET /api/v1/compare/:a/:b": .open,
    "PUT /api/v1/compare/:a/:b/vote": .open, "GET /api/v1/leaderboard": .open, "POST /api/v1/subscribers": .open,
    "GET /api/v1/openapi.json": .open, "GET /api/v1/cost": .open,
    "GET /api/v1/admin/tools": .token(.editor, .read), "POST /api/v1/admin/tools": .token(.editor, .write),
    "GET /api/v1/admin/tools/:slug": .token(.editor, .read), "PUT /api/v1/admin/tools/:slug": .token(.editor, .write),
    "POST /api/v1/admin/tools/:slug/retire": .token(.editor, .write), "POST /api/v1/admin/tools/:slug/restore": .token(.editor, .write),
    "POST /api/v1/admin/tools/:slug/panel": .token(.editor, .write), "GET /api/v1/admin/takes": .token(.editor, .read),
    "POST /api/v1/admin/takes/:id/approve": .token(.editor, .write), "POST /api/v1/admin/takes/:id/reject": .token(.editor, .write),
    "POST /api/v1/admin/import": .token(.editor, .write), "GET /api/v1/admin/audit": .token(.admin, .read),
    "GET /api/v1/admin/subscribers": .token(.admin, .read), "GET /api/v1/admin/sends": .token(.admin, .read),
    "GET /api/v1/admin/settings": .token(.admin, .read), "PUT /api/v1/admin/settings": .token(.admin, .write),
    "GET /healthz": .open, "GET /readyz": .open, "GET /metrics": .open, "GET /assets/site.css": .open,
]

extension Route {
    var key: String { "\(method.rawValue) /\(path.map(\.description).joined(separator: "/"))" }

    /// A concrete path for this route: its endpoint's sample link (parameters filled with values
    /// that exist in the demo catalog).
    var samplePath: String {
        endpoint.map { sampleLink($0).path } ?? "/" + path.map(\.description).joined(separator: "/")
    }
}

@Suite("Route authorization: deny by default, table-driven over every route")
struct RouteAuthorizationTests {
    @Test("Every registered route is in the access table with the same rule, and the table has no stale rows")
    func everyRouteIsListed() async throws {
        try await withTestApp(seedDemo: false) { app in
            var seen = Set<String>()
            for route in app.routes.all {
                seen.insert(route.key)
                let expected = expectedAccess[route.key]
                #expect(expected != nil, "route \(route.key) has no row in the access table")
                #expect(route.accessRule != nil, "route \(route.key) declares no access rule")
                #expect(
                    route.accessRule == expected,
                    "route \(route.key): declared \(String(describing: route.accessRule)), table says \(String(describing: expected))")
            }
            #expect(Set(expectedAccess.keys).subtracting(seen).isEmpty, "stale rows: \(Set(expectedAccess.keys).subtracting(seen))")
        }
    }

    @Test("Session routes: anonymous is sent to sign in (GET) or refused (POST); editors are refused admin routes; admins get through")
    func sessionRoutes() async throws {
        try await withTestApp(seedDemo: true) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            try await app.makeUser("boss@example.com", role: .admin)
            let editor = try await app.signIn("ed@example.com")
            let admin = try await app.signIn("boss@example.com")
            for route in app.routes.all {
                guard case .session(let role) = route.accessRule, route.key != "POST /logout" else { continue }
                let path = route.samplePath
                let anonymous = try await app.browse(route.method, path, as: nil)
                if route.method == .GET {
                    #expect(
                        anonymous.status == .seeOther && anonymous.headers.first(name: .location)?.hasPrefix("/login") == true,
                        "\(route.key) anonymous")
                } else {
                    #expect(anonymous.status == .unauthorized, "\(route.key) anonymous: \(anonymous.status)")
                }
                let asEditor = try await app.browse(route.method, path, as: editor)
                if role == .admin {
                    #expect(asEditor.status == .forbidden, "\(route.key) as editor: \(asEditor.status)")
                } else {
                    #expect(![.unauthorized, .forbidden].contains(asEditor.status), "\(route.key) as editor: \(asEditor.status)")
                }
                let asAdmin = try await app.browse(route.method, path, as: admin)
                #expect(
                    ![.unauthorized, .forbidden].contains(asAdmin.status),
                    "\(route.key) as admin: \(asAdmin.status) \(asAdmin.text.prefix(200))")
                #expect(asAdmin.status.code < 500, "\(route.key) as admin: \(asAdmin.status)")
            }
        }
    }

    @Test("Token routes: no or unknown token 401; editor-owned tokens refused admin routes; read tokens refused writes; revoked tokens 401")
    func tokenRoutes() async throws {
        try await withTestApp(seedDemo: true) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            try await app.makeUser("boss@example.com", role: .admin)
            let editorWrite = try await app.makeToken("ed-write", owner: "ed@example.com", scope: .write)
            let adminRead = try await app.makeToken("boss-read", owner: "boss@example.com", scope: .read)
            let adminWrite = try await app.makeToken("boss-write", owner: "boss@example.com", scope: .write)
            for route in app.routes.all {
                guard case .token(let role, let scope) = route.accessRule else { continue }
                let path = route.samplePath
                let none = try await app.api(route.method, path, token: nil)
                #expect(
                    none.status == .unauthorized && none.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true,
                    "\(route.key) no token")
                #expect(try await app.api(route.method, path, token: "vdt_made-up").status == .unauthorized, "\(route.key) made-up token")
                let editorStatus = try await app.api(route.method, path, token: editorWrite).status
                #expect((role == .admin) == (editorStatus == .forbidden), "\(route.key) editor token: \(editorStatus)")
                let readStatus = try await app.api(route.method, path, token: adminRead).status
                #expect((scope == .write) == (readStatus == .forbidden), "\(route.key) read token: \(readStatus)")
                let writeStatus = try await app.api(route.method, path, token: adminWrite).status
                #expect(
                    ![.unauthorized, .forbidden].contains(writeStatus) && writeStatus.code < 500,
                    "\(route.key) admin write token: \(writeStatus)")
            }
            let row = try #require(try await APITokenModel.query(on: app.db).filter(\.$name == "boss-write").first())
            #expect(row.tokenHash != adminWrite && !row.tokenHash.contains(adminWrite))
            row.revokedAt = Date()
            try await row.save(on: app.db)
            #expect(try await app.api(.GET, "/api/v1/admin/tools", token: adminWrite).status == .unauthorized)
        }
    }

    @Test("Session cookies do not open the admin API, and tokens do not open the desk")
    func credentialsDoNotCross() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("boss@example.com", role: .admin)
            let admin = try await app.signIn("boss@example.com")
            let token = try await app.makeToken("t", owner: "boss@example.com", scope: .write)
            #expect(try await app.browse(.GET, "/api/v1/admin/tools", as: admin).status == .unauthorized)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            #expect(try await app.sendRaw(.GET, "/admin", headers: headers).status == .seeOther)
        }
    }
}
