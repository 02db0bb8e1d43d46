import Foundation
import Testing
import VerdictCore

@testable import VerdictServer

/// The prompt keeps vendor text out of the system message and still shares most of itself
/// across a tool's four personas, so prefix caching keeps paying (issue 17, finding 4).
@Suite("Prompt prefix shared across personas, on the demo catalog")
struct PromptShareTests {
    @Test("Every demo tool's four prompts share system and data; the shared share stays above 80%")
    func demoCatalogShare() throws {
        let document = try ImportFile.parse(try DemoCatalog.data(), name: "demo-catalog.yaml")
        let tools = try CatalogImport.validate(document, source: "demo-catalog.yaml", knownSlugs: []).tools
        var (shared, total) = (0, 0)
        for tool in tools {
            let prompts = Persona.allCases.map { PanelPrompt.messages(for: $0, tool: tool) }
            let prefixes = Set(prompts.map { Array($0.dropLast()) })
            #expect(prefixes.count == 1, "\(tool.slug): the four personas' prefixes differ")
            let system = prompts[0][0].content
            #expect(!system.contains(tool.name) && !system.contains(tool.description))
            for prompt in prompts {
                shared += prompt.dropLast().map(\.content.count).reduce(0, +)
                total += prompt.map(\.content.count).reduce(0, +)
            }
        }
        let share = Double(shared) / Double(total)
        print("demo catalog: \(tools.count) tools, shared-prefix share of prompt characters \(String(format: "%.1f%%", share * 100))")
        #expect(share > 0.8)
    }
}
