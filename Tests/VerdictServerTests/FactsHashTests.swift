import Foundation
import Testing
import VerdictCore

@testable import VerdictServer

@Suite("Facts hash: stored hashes decide whether a model take is re-billed")
struct FactsHashTests {
    /// A tool touching every kind of value the canonical rendering knows: text with hidden and
    /// line-breaking characters, booleans, whole numbers, fractions, lists and enums.
    static var pinned: Tool {
        var facts = ToolFacts()
        (facts.api, facts.openWeights, facts.contextWindow, facts.quickstartMinutes) = (true, false, 1_048_576, 5)
        (facts.inputPricePerMTok, facts.outputPricePerMTok) = (0.3, 2.5)
        (facts.sdks, facts.claims) = (["python", "go"], ["Fast\u{7} forged line", "\"quoted\" \\ slash"])
        (facts.status, facts.pricingModel, facts.launched) = (.ga, .perToken, "2025-06")
        (facts.docsURL, facts.priceNote) = ("https://ai.example/docs", "Tabs\there; <<fence>>")
        return Tool(
            slug: "pinned-tool", name: "Pinned\u{200B} Tool", vendor: "Example Labs", category: "Language Models",
            tagline: "Caf\u{E9} and \u{1F680}", description: "One\nTwo\r\nThree \u{85} four", entry: .freemium,
            homepage: "https://ai.example", sourceURL: "https://ai.example/source", facts: facts)
    }

    @Test("The hash of a fixed tool is the one computed before the JSON value enums were merged")
    func pinnedHash() {
        // Computed on the tree of commit 7bc578a; if this changes, every stored model take is re-billed.
        #expect(ToolModel(Self.pinned).factsHash == "558ff91b2ee00cd2ee585b1b333d3a3876ff3f841bdef77513d41f986d4d2ad6")
    }
}
