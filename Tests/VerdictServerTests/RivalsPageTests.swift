import Fluent
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// A tool page's rivals are read as plain rows (`ToolModel.rivalCandidates`); they must be the
/// ones `Rivals.closest` picks from the whole category of full tools.
@Suite("Rivals on a tool page")
struct RivalsPageTests {
    @Test("Each demo tool page offers comparisons with the rivals Rivals.closest picks from its category")
    func rivalsMatchTheRule() async throws {
        try await withTestApp(seedDemo: true) { app in
            let all = try await ToolModel.query(on: app.db).all().map(\.tool)
            for slug in ["gemini-2-5-flash", "flux", "claude-code"] {
                let me = try #require(all.first { $0.slug == slug }, "\(slug) is in the demo catalog")
                let expected = Rivals.closest(to: me, among: all.filter { $0.category == me.category })
                #expect(expected.count == 3)
                let page = try await app.send(.GET, "/tools/\(slug)").body.string
                for rival in expected {
                    #expect(page.contains("\(me.name) vs \(rival.name)"), "\(slug): no comparison with \(rival.slug)")
                }
            }
        }
    }
}
