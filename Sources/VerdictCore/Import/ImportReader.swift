import Foundation

/// Walks an import document, collecting problems instead of stopping at the first one.
struct ImportReader {
    private(set) var problems: [ImportProblem] = []

    static let toolKeys: Set<String> = [
        "slug", "name", "vendor", "category", "tagline", "description", "entry", "homepage",
        "source_url", "facts", "listing",
    ]
    static let takeKeys: Set<String> = ["tool", "persona", "verdict", "conviction", "flip", "text"]

    mutating func report(_ location: String, field: String? = nil, _ message: String) {
        problems.append(ImportProblem(location, field: field, message))
    }

    mutating func read(_ document: JSONValue, knownSlugs: Set<String>) -> CatalogImport {
        guard case .object(let top) = document else {
            report("file", "expected a mapping with 'tools' and/or 'takes', got \(document.kind)")
            return CatalogImport(tools: [], takes: [])
        }
        for key in top.keys.sorted() where key != "tools" && key != "takes" {
            report("file", field: key, "unknown top-level key; expected 'tools' and/or 'takes'")
        }
        if top["tools"] == nil && top["takes"] == nil {
            report("file", "has neither 'tools' nor 'takes'; nothing to import")
        }
        let tools = readTools(top["tools"])
        let slugs = knownSlugs.union(tools.map(\.slug))
        let takes = readTakes(top["takes"], slugs: slugs)
        return CatalogImport(tools: tools, takes: takes)
    }

    private mutating func list(_ value: JSONValue?, named name: String) -> [JSONValue] {
        switch value {
        case nil, .null?: return []
        case .array(let items)?: return items
        case let other?:
            report("file", field: name, "expected a list, got \(other.kind)")
            return []
        }
    }

    private mutating func readTools(_ value: JSONValue?) -> [Tool] {
        var tools: [Tool] = []
        var firstIndex: [String: Int] = [:]
        for (i, item) in list(value, named: "tools").enumerated() {
            guard case .object(let m) = item else {
                report("tools[\(i)]", "expected a mapping of tool fields, got \(item.kind)")
                continue
            }
            var fields = FieldReader(location: toolLocation(i, m), map: m)
            guard let tool = fields.tool() else {
                problems += fields.problems
                continue
            }
            problems += fields.problems
            if let first = firstIndex[tool.slug] {
                report(fields.location, field: "slug", "duplicate slug; tools[\(first)] has it too")
                continue
            }
            firstIndex[tool.slug] = i
            tools.append(tool)
        }
        return tools
    }

    private mutating func readTakes(_ value: JSONValue?, slugs: Set<String>) -> [ImportedTake] {
        var takes: [ImportedTake] = []
        var seen: [String: Int] = [:]
        for (i, item) in list(value, named: "takes").enumerated() {
            guard case .object(let m) = item else {
                report("takes[\(i)]", "expected a mapping of take fields, got \(item.kind)")
                continue
            }
            var fields = FieldReader(location: takeLocation(i, m), map: m)
            let take = fields.take(slugs: slugs)
            problems += fields.problems
            guard let take else { continue }
            let key = "\(take.toolSlug)/\(take.take.persona.rawValue)"
            if let first = seen[key] {
                report(
                    fields.location, field: "persona",
                    "a second \(take.take.persona.rawValue) take on '\(take.toolSlug)'; takes[\(first)] has one already")
                continue
            }
            seen[key] = i
            takes.append(take)
        }
        return takes
    }

    private func toolLocation(_ i: Int, _ m: [String: JSONValue]) -> String {
        if case .string(let slug)? = m["slug"] { return "tools[\(i)] (slug \"\(slug)\")" }
        return "tools[\(i)]"
    }

    private func takeLocation(_ i: Int, _ m: [String: JSONValue]) -> String {
        if case .string(let slug)? = m["tool"] { return "takes[\(i)] (tool \"\(slug)\")" }
        return "takes[\(i)]"
    }
}
