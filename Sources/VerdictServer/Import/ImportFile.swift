import Foundation
import VerdictCore
import Yams

/// Parses the text of an import (YAML or JSON, same shape) into a tree, within size and alias limits.
enum ImportFile {
    /// Largest import file accepted; a catalog of thousands of tools fits well within it.
    static let maxBytes = 8 * 1024 * 1024

    static func parse(_ data: Data, name: String) throws(ImportFailure) -> JSONValue {
        guard data.count <= maxBytes else {
            throw ImportFailure(source: name, problems: [ImportProblem("file", "is \(data.count) bytes; at most \(maxBytes) allowed")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportFailure(source: name, problems: [ImportProblem("file", "is not UTF-8 text")])
        }
        let trimmed = text.drop { $0.isWhitespace }
        if name.lowercased().hasSuffix(".json") || trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            return try CatalogImport.parseJSON(data, source: name)
        }
        return try yaml(text, source: name, field: "file")
    }

    /// Most nodes a document may expand to. YAML aliases (`*a`) repeat whole subtrees, so a
    /// few hundred bytes can stand for billions of nodes ("billion laughs"); a catalog of
    /// thousands of tools is well under this.
    static let maxNodes = 500_000

    /// Parses YAML (JSON is YAML too) into a `JSONValue`, refusing documents whose aliases
    /// expand beyond `maxNodes` before anything is expanded.
    static func yaml(_ text: String, source: String, field: String) throws(ImportFailure) -> JSONValue {
        do {
            guard let node = try Yams.compose(yaml: text) else { return .null }
            var budget = maxNodes
            guard fits(node, budget: &budget) else {
                throw ImportFailure(
                    source: source,
                    problems: [
                        ImportProblem(
                            field, "expands to more than \(maxNodes) values (YAML aliases repeat whole subtrees); refused")
                    ])
            }
            return try YAMLDecoder().decode(JSONValue.self, from: node)
        } catch let failure as ImportFailure {
            throw failure
        } catch {
            throw ImportFailure(source: source, problems: [ImportProblem(field, "is not valid YAML: \(yamlReason(error))")])
        }
    }

    /// Counts nodes as decoding would visit them (aliases expanded), stopping once over budget.
    private static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard fits(key, budget: &budget), fits(value, budget: &budget) else { return false }
            }
        case .sequence(let sequence):
            for item in sequence {
                guard fits(item, budget: &budget) else { return false }
            }
        case .scalar, .alias:
            break
        }
        return true
    }

    private static func yamlReason(_ error: any Error) -> String {
        var underlying: any Error = error
        if case DecodingError.dataCorrupted(let ctx) = error, let inner = ctx.underlyingError { underlying = inner }
        if let yaml = underlying as? YamlError {
            // Yams draws a caret diagram over several lines; the first line names line and column.
            return "\(yaml)".split(separator: "\n").first.map(String.init) ?? "\(yaml)"
        }
        return CatalogImport.describe(error)
    }
}
