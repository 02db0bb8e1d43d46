import Fluent
import Foundation
import Vapor
import VerdictCore

/// The one way tools and editorial takes enter the catalog: read → validate → write.
///
/// Reading parses YAML or JSON within size and alias limits; validating reports every problem
/// at once, naming the source, the entry and the field; writing upserts the tools, replaces
/// editorial takes, runs the rubric and queues the model panel of every changed tool in one
/// transaction, so a failure or a crash leaves either all of it or none.
struct ImportPipeline: Sendable {
    let db: any Database
    /// The model backend that rewrites the panel of changed tools; nil when none is configured
    /// (the rubric alone writes the panel then).
    var panelBackend: String?
    /// Dates the rubric's takes ("as of" this month).
    let clock: AppClock
    /// Where reading and validating run, off the event loops (a catalog may be 8 MB); nil runs
    /// them inline.
    var threadPool: NIOThreadPool?
    var logger: Logger
    /// Tells the site's caches what the import changed; nil only where no site reads the database.
    var changes: SiteChanges?

    /// Reads, validates and, unless the request only checks, writes. Throws `ImportFailure`
    /// when the input has problems; nothing is written then.
    func run(_ request: ImportRequest) async throws -> ImportResult {
        let plan = try await validate(request, knownSlugs: ToolModel.allSlugs(on: db))
        guard !request.checkOnly else { return ImportResult(plan: plan, summary: nil) }
        return ImportResult(plan: plan, summary: try await write(plan, origin: request.origin))
    }

    /// Reads and validates against `knownSlugs` (the tools takes may refer to besides the
    /// input's own). Throws `ImportFailure` listing every problem.
    func validate(_ request: ImportRequest, knownSlugs: Set<String>) async throws -> CatalogImport {
        let (input, source) = (request.input, request.source)
        let work: @Sendable () -> Result<CatalogImport, ImportFailure> = {
            do throws(ImportFailure) {
                return .success(try CatalogImport.validate(Self.read(input, source: source), source: source, knownSlugs: knownSlugs))
            } catch {
                return .failure(error)
            }
        }
        let result = if let threadPool { try await threadPool.runIfActive(work) } else { work() }
        return try result.get()
    }

    /// The input as a tree: text is parsed (size and alias limits apply), a tree is taken as is.
    static func read(_ input: ImportRequest.Input, source: String) throws(ImportFailure) -> JSONValue {
        switch input {
        case .text(let data): try ImportFile.parse(data, name: source)
        case .document(let value): value
        }
    }
}

extension Application {
    /// The import pipeline on the application's database, clock and default model backend.
    var importPipeline: ImportPipeline {
        ImportPipeline(
            db: db, panelBackend: panel.config.defaultBackend?.name, clock: dependencies.clock, threadPool: threadPool,
            logger: logger, changes: changes)
    }
}
