import Foundation
import Testing
import Vapor
import VaporTesting

@testable import VerdictServer

/// Oversized, many-parameter or nested query strings are refused before they are decoded
/// (issue 17, finding 1: `?a[0]=0&…&a[5999]=5999` cost a second of CPU per request).
@Suite("Query strings are bounded before they are decoded")
struct QueryLimitTests {
    static let flood = (0..<6000).map { "a[\($0)]=\($0)" }.joined(separator: "&")

    @Test("The 76 KB bracket flood is refused with 414, as JSON under /api/ and as a page elsewhere")
    func flood() async throws {
        try await withTestApp { app in
            // Timing is proved under load by .ci/query-flood.py; a wall clock here would flake.
            let api = try await app.send(.GET, "/api/v1/leaderboard?" + Self.flood)
            let page = try await app.send(.GET, "/?" + Self.flood)
            #expect(api.status == .uriTooLong && page.status == .uriTooLong)
            #expect((api.json["error"] as? String)?.contains("at most \(QueryLimitMiddleware.maxBytes)") == true)
            #expect(page.text.contains("at most \(QueryLimitMiddleware.maxBytes)"))
        }
    }

    @Test(
        "Too many parameters or brackets under the length limit is a 400 that says why",
        arguments: [
            ((0..<40).map { "k\($0)=1" }.joined(separator: "&"), "parameters"),
            ((0..<10).map { "a[\($0)]=1" }.joined(separator: "&"), "brackets"),
            ("a" + String(repeating: "[x]", count: 12) + "=1", "brackets"),
            ((0..<10).map { "a%5B\($0)%5d=1" }.joined(separator: "&"), "brackets"),
        ])
    func shape(query: String, word: String) async throws {
        try await withTestApp { app in
            let response = try await app.send(.GET, "/api/v1/leaderboard?" + query)
            #expect(response.status == .badRequest)
            #expect((response.json["error"] as? String)?.contains(word) == true, "\(response.text)")
        }
    }

    @Test("Ordinary queries still work")
    func ordinary() async throws {
        try await withTestApp(seedDemo: true) { app in
            for path in ["/api/v1/leaderboard?category=language-models", "/api/v1/leaderboard?", "/?category=language-models&x=1&y=2"] {
                let response = try await app.send(.GET, path)
                #expect(response.status == .ok, "\(path)")
            }
        }
        #expect(QueryLimitMiddleware.refusal("a=1&b[0]=2&c=%5Bx%5D") == nil)
        #expect(QueryLimitMiddleware.refusal(String(repeating: "x", count: QueryLimitMiddleware.maxBytes)) == nil)
    }
}
