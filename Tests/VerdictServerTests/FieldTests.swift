import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Issue #14, verdicts against the field: a category's other tools are weighed again in the
/// write that moves its field — an import, a retirement — and only then.
@Suite("Verdicts against the field follow the category")
struct FieldTests {
    static func tool(_ slug: String, price: Double, context: Int) -> String {
        """
          - slug: \(slug)
            name: \(slug.capitalized)
            category: Language Models
            description: \(slug) answers questions.
            entry: paid
            facts:
              api: true
              pricing_model: per_token
              pricing_published: true
              input_price_per_mtok: \(price)
              output_price_per_mtok: \(price * 4)
              context_window: \(context)
        """
    }

    static func buyer(_ slug: String, _ app: Application) async throws -> String {
        let id = try #require(try await ToolModel.find(slug: slug, on: app.db)?.id)
        return try #require(try await TakeModel.currentRows(tool: id, on: app.db)[.buyer]?.text)
    }

    @Test("A third tool gives the category a field; retiring it takes the field away again, in the same write")
    func followsTheCategory() async throws {
        try await withTestApp { app in
            _ = try await app.importYAML(
                "tools:\n" + Self.tool("one", price: 0.1, context: 128_000) + "\n" + Self.tool("two", price: 0.3, context: 128_000))
            #expect(!(try await Self.buyer("one", app)).contains("Against the field"), "two tools are no field")
            _ = try await app.importYAML("tools:\n" + Self.tool("three", price: 5, context: 8_000))
            // The third tool's price is over twice the median: the Buyer says so, against the field.
            #expect(try await Self.buyer("three", app).contains("at least twice the category median"))
            // And the first tool, not in that import, was weighed again against the new field.
            #expect(try await Self.buyer("one", app).contains("Against the field"))
            let standing = try #require(try await ToolModel.find(slug: "one", on: app.db)?.rubricStanding)
            _ = try await ToolDesk.setRetired(true, slug: "three", actor: "test", app: app)
            #expect(!(try await Self.buyer("one", app)).contains("Against the field"), "two listed tools are no field again")
            #expect(try await ToolModel.find(slug: "one", on: app.db)?.rubricStanding != standing)
        }
    }
}
