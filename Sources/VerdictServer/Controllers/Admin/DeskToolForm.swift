import Foundation
import Vapor
import VerdictCore

/// The desk's tool form as posted: its fields as an import entry (what `ToolDesk` validates),
/// and as typed, to show the form again with the editor's input when something is wrong.
struct DeskToolForm {
    static let keys = ["slug", "name", "vendor", "category", "tagline", "description", "entry", "homepage", "source_url", "listing"]

    var entry: JSONValue
    var values: [String: String]
    var facts: String
    /// The category was typed under "New category": creating it is meant.
    var newCategory = false

    /// The problem with a category that is neither one of `known` nor typed as new: a typo
    /// would otherwise publish a category of one tool.
    func categoryProblem(known: [String]) -> String? {
        guard !newCategory, let category = values["category"], !category.isEmpty, !known.contains(category) else { return nil }
        return "Category '\(category)' does not exist yet: choose one from the list, or type it under New category to create it."
    }

    /// Reads the posted form; the facts text is parsed as YAML (JSON is YAML too).
    init(_ req: Request) throws {
        let fields = try req.content.decode([String: String].self)
        var values: [String: String] = [:]
        var map: [String: JSONValue] = [:]
        for key in Self.keys {
            let value = (fields[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            values[key] = value
            if !value.isEmpty { map[key] = .string(value) }
        }
        // A category typed under "New category" is created on purpose; it wins over the list.
        let typed = (fields["new_category"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        newCategory = !typed.isEmpty
        if newCategory {
            values["category"] = typed
            map["category"] = .string(typed)
        }
        let factsText = fields["facts"] ?? ""
        if !factsText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            do {
                map["facts"] = try ImportFile.yaml(factsText, source: "form", field: "facts")
            } catch {
                throw ToolEditing.Failure.invalid(error)
            }
        }
        (entry, self.values, facts) = (.object(map), values, factsText)
    }

    /// A stored tool's fields as the form shows them (import-entry keys; absent ones left out).
    static func values(of tool: Tool) -> [String: String] {
        let fields: [String: String?] = [
            "slug": tool.slug, "name": tool.name, "vendor": tool.vendor, "category": tool.category, "tagline": tool.tagline,
            "description": tool.description, "entry": tool.entry.rawValue, "homepage": tool.homepage, "source_url": tool.sourceURL,
            "listing": tool.listing?.rawValue,
        ]
        return fields.compactMapValues { $0 }
    }

    /// The declared facts as pretty JSON (which the form reads back as YAML).
    static func factsText(_ facts: ToolFacts) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(facts), let text = String(data: data, encoding: .utf8), text != "{\n\n}" else { return "" }
        return text
    }

    /// What the page says after a change redirected back to it (`?done=…`).
    static func notice(_ done: String) -> String? {
        [
            "saved": "Saved. The rubric re-ran for the new facts; model personas are queued if a backend is configured.",
            "created": "Tool added.",
            "claim": "Claim status saved. The rubric re-ran with it; model personas are queued if a backend is configured.",
            "retired": "Retired: the tool left every listing; its page stays with a notice.",
            "restored": "Restored to listings.",
            "queued": "The panel is queued: every persona will be re-run by the worker.",
            "rubric": "The rubric panel re-ran (no model backend is configured).",
            "approved": "Approved and published.",
            "rejected": "Rejected; the persona keeps its previous take.",
        ][done]
    }
}
