import Fluent
import Foundation
import Vapor
import VerdictCore

/// Changes editors make to the catalog, shared by the desk's forms and the admin API: the same
/// validation as `verdict import`, one transaction each, and an audit entry for every change.
enum ToolEditing {
    enum Failure: AbortError {
        case invalid(ImportFailure)
        case exists(String)
        case notFound(String)
        case slugMismatch(path: String, body: String)

        var status: HTTPResponseStatus {
            switch self {
            case .invalid, .slugMismatch: .badRequest
            case .exists: .conflict
            case .notFound: .notFound
            }
        }

        var reason: String {
            switch self {
            case .invalid(let failure): failure.description
            case .exists(let slug): "A tool with slug \"\(slug)\" already exists; edit it instead."
            case .notFound(let slug): "No tool has the slug \"\(slug)\"."
            case .slugMismatch(let path, let body):
                "The slug in the body (\"\(body)\") differs from the URL's (\"\(path)\"); slugs cannot be renamed."
            }
        }
    }

    /// Validates one tool entry (an import file's `tools[]` item) and creates or updates it.
    /// `existing` is the slug being edited, nil to create.
    static func save(_ entry: JSONValue, editing existing: String?, source: String, actor: String, app: Application) async throws
        -> ToolModel
    {
        var entry = entry
        if let existing, case .object(var fields) = entry {
            if case .string(let given)? = fields["slug"], given != existing {
                throw Failure.slugMismatch(path: existing, body: given)
            }
            fields["slug"] = .string(existing)
            entry = .object(fields)
        }
        let pipeline = app.importPipeline
        let request = ImportRequest.document(.object(["tools": .array([entry])]), source: source, origin: .edit(actor: actor))
        let known = try await ToolModel.allSlugs(on: app.db)
        let plan: CatalogImport
        do {
            plan = try await pipeline.validate(request, knownSlugs: known)
        } catch let failure as ImportFailure {
            throw Failure.invalid(failure)
        }
        guard let tool = plan.tools.first else {
            throw Failure.invalid(ImportFailure(source: source, problems: [ImportProblem("tools", "no tool given")]))
        }
        if let existing {
            guard known.contains(existing) else { throw Failure.notFound(existing) }
        } else if known.contains(tool.slug) {
            throw Failure.exists(tool.slug)
        }
        _ = try await pipeline.write(plan, origin: request.origin)
        guard let model = try await ToolModel.find(slug: tool.slug, on: app.db) else { throw Failure.notFound(tool.slug) }
        return model
    }
}
