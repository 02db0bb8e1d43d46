import Foundation
import Testing
import Vapor

@testable import VerdictServer

@Suite("The OpenAPI document is true to the routes")
struct OpenAPITests {
    @Test("/api/v1/openapi.json lists exactly the /api/v1 routes, method for method, with their path parameters")
    func matchesRoutes() async throws {
        try await withTestApp(seedDemo: false) { app in
            let res = try await app.send(.GET, "/api/v1/openapi.json")
            #expect(res.status == .ok && res.headers.contentType == .json)
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as? [String: Any])
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            let methods = ["get", "put", "post", "delete", "patch"]
            var documented = Set<String>()
            for (path, item) in paths {
                for (method, operation) in item where methods.contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                    let params =
                        ((operation as? [String: Any])?["parameters"] as? [[String: Any]] ?? [])
                        + (item["parameters"] as? [[String: Any]] ?? [])
                    let inPath = Set(params.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
                    let named = Set(path.matches(of: /\{([a-z_]+)\}/).map { String($0.1) })
                    #expect(inPath == named, "\(method) \(path): path parameters \(inPath) vs \(named)")
                }
            }
            let routed = Set(
                app.routes.all.compactMap { route -> String? in
                    let parts = route.path.map { c -> String in
                        let d = c.description
                        return d.hasPrefix(":") ? "{\(d.dropFirst())}" : d
                    }
                    let path = "/" + parts.joined(separator: "/")
                    return path.hasPrefix("/api/v1/") ? "\(route.method.rawValue) \(path)" : nil
                })
            #expect(routed.subtracting(documented).isEmpty, "routes missing from the document: \(routed.subtracting(documented).sorted())")
            #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        }
    }
}
