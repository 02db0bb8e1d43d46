import Foundation
import VerdictCore
import Yams

/// Reads an import file (YAML or JSON, same shape) into a validated plan.
enum ImportFile {
    /// Largest import file accepted; a catalog of thousands of tools fits well within it.
    static let maxBytes = 8 * 1024 * 1024

    static func parse(_ data: Data, name: String) throws(ImportFailure) -> ImportValue {
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
        do {
            return try YAMLDecoder().decode(ImportValue.self, from: text)
        } catch {
            throw ImportFailure(source: name, problems: [ImportProblem("file", "is not valid YAML: \(yamlReason(error))")])
        }
    }

    static func load(_ data: Data, name: String, knownSlugs: Set<String>) throws(ImportFailure) -> CatalogImport {
        try CatalogImport.validate(parse(data, name: name), source: name, knownSlugs: knownSlugs)
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
