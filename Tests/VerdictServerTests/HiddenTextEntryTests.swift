import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Hidden characters, NUL and combining-mark floods, sent through the desk form and the API
/// (issue 17, finding 9); both go through the import's one cleaning function.
@Suite("Hidden text is stripped or refused at the desk and the API")
struct HiddenTextEntryTests {
    static let hidden = "\u{061C}\u{3164}\u{115F}\u{1160}\u{034F}\u{FFF9}\u{2066}\u{200B}"

    static func form(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    @Test("The desk form strips every hidden character from a name")
    func deskForm() async throws {
        try await withTestApp(seedDemo: false) { app in
            _ = try await app.importYAML(Catalogs.two)
            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            let name = "Al" + Self.hidden + "pha\u{2028}"
            let ok = try await app.browse(
                .POST, "/admin/tools/alpha", as: ed,
                form: "name=\(Self.form(name))&category=Developer+Tools&description=Better.&entry=free&facts=")
            #expect(ok.status == .seeOther)
            #expect(try await ToolModel.find(slug: "alpha", on: app.db)?.name == "Alpha")
        }
    }

    @Test("The API refuses NUL by field, a hidden character in a URL, and a combining-mark flood")
    func api() async throws {
        try await withTestApp(seedDemo: false) { app in
            _ = try await app.importYAML(Catalogs.two)
            try await app.makeUser("ed@example.com", role: .editor)
            let token = try await app.makeToken("ed", owner: "ed@example.com", scope: .write)
            func put(name: String, docs: String = "https://docs.example") async throws -> (HTTPStatus, String) {
                let body: [String: Any] = [
                    "name": name, "category": "Developer Tools", "description": "d", "entry": "free",
                    "facts": ["docs_url": docs],
                ]
                let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
                let response = try await app.api(.PUT, "/api/v1/admin/tools/alpha", token: token, json: json)
                return (response.status, response.text)
            }
            let nul = try await put(name: "Al\u{0}pha")
            #expect(nul.0 == .badRequest && nul.1.contains("name") && nul.1.contains("NUL"))
            for docs in ["https://e.com/\u{202E}gnp.exe", "https://e.com/a\u{200B}b", "https://e.com/\u{0}"] {
                let refused = try await put(name: "Alpha", docs: docs)
                #expect(refused.0 == .badRequest && refused.1.contains("docs_url"), "\(docs)")
            }
            let flood = try await put(name: "a" + String(repeating: "\u{0301}", count: 60_000))
            #expect(flood.0 == .badRequest && flood.1.contains("60001 characters"))
            #expect(try await ToolModel.find(slug: "alpha", on: app.db)?.name == "Alpha")
        }
    }
}
