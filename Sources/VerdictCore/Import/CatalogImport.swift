import Foundation

/// An editorial take from an import file, addressed to a tool by slug.
public struct ImportedTake: Sendable, Hashable {
    public var toolSlug: String
    public var take: Take
}

/// A validated import file: safe to write in one transaction.
public struct CatalogImport: Sendable {
    public var tools: [Tool]
    public var takes: [ImportedTake]

    /// Validates a whole document. `knownSlugs` are the tools already stored, which takes may
    /// refer to. Throws an `ImportFailure` listing every problem, not only the first.
    public static func validate(
        _ document: JSONValue, source: String, knownSlugs: Set<String>
    ) throws(ImportFailure) -> CatalogImport {
        var reader = ImportReader()
        let result = reader.read(document, knownSlugs: knownSlugs)
        guard reader.problems.isEmpty else {
            throw ImportFailure(source: source, problems: reader.problems)
        }
        return result
    }

    /// Parses JSON text; YAML is parsed by the caller (the YAML library lives outside the core)
    /// with the same `JSONValue` decoding.
    public static func parseJSON(_ data: Data, source: String) throws(ImportFailure) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ImportFailure(
                source: source,
                problems: [ImportProblem("file", "is not valid JSON (\(describe(error)))")])
        }
    }

    /// A one-line reason from a decoding error, without Swift type names.
    public static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        let path = { (ctx: DecodingError.Context) in ctx.codingPath.map(\.stringValue).joined(separator: ".") }
        switch decoding {
        case .dataCorrupted(let ctx):
            let underlying = (ctx.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey]
            return (underlying as? String) ?? ctx.debugDescription
        case .keyNotFound(let key, let ctx):
            let parent = path(ctx)
            return "missing field '\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)'"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return "field '\(path(ctx))' has the wrong type"
        @unknown default:
            return "\(error)"
        }
    }
}
