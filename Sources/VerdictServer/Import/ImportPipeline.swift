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
    /// Told how many of the plan's tools are written so far (the CLI's progress bar).
    var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// Reads, validates and, unless the request only checks, writes. Throws `ImportFailure`
    /// when the input has problems; nothing is written then.
    func run(_ request: ImportRequest) async throws -> ImportResult {
        if case .dataset(let data, let format, let checkedAt, let skipInvalid) = request.input {
            return try await runDataset(data, format: format, checkedAt: checkedAt, skipInvalid: skipInvalid, request: request)
        }
        let (plan, dataset) = try await read(request, knownSlugs: ToolModel.allSlugs(on: db))
        guard !request.checkOnly else { return ImportResult(plan: plan, summary: nil, dataset: dataset) }
        return ImportResult(plan: plan, summary: try await write(plan, origin: request.origin), dataset: dataset)
    }

    /// A dataset snapshot: read, compared with what the last import of that dataset stored
    /// (`SourceDiff`), and only the difference written — new tools, facts of the tools the dataset
    /// made, records, offers and dated prices — in one transaction. An unchanged snapshot writes nothing.
    private func runDataset(
        _ data: Data, format: PriceDataset, checkedAt: Date, skipInvalid: Bool, request: ImportRequest
    ) async throws -> ImportResult {
        let source = request.source
        let sourceRead = try await offLoop { () throws(ImportFailure) in
            let sourceRead = try SourceRead.read(data, format: format, checkedAt: checkedAt)
            _ = try sourceRead.checked(skipInvalid: skipInvalid, source: source)
            return sourceRead
        }
        let (read, kept) = (sourceRead.records, sourceRead.invalidRecordIDs)
        let models = read.filter { $0.category != .other }
        let (stored, existing, known) = (
            try await SourceRecords.stored(format, on: db), try await SourceRecords.tools(on: db), try await ToolModel.allSlugs(on: db)
        )
        let (diff, catalog, plan) = try await offLoop { () throws(ImportFailure) in
            let diff = SourceDiff.compute(stored: stored, incoming: models, kept: kept, fingerprint: SourceRecords.fingerprint)
            let changedKeys = Set((diff.added + diff.changed).map(\.toolKey))
            var catalog = DatasetCatalog.build(models, dataset: format, knownSlugs: known, existing: existing, changedKeys: changedKeys)
            catalog.notModels = read.count - models.count
            let plan = try CatalogImport.validate(catalog.document, source: source, knownSlugs: known)
            return (diff, catalog, plan)
        }
        var result = ImportResult(plan: plan, summary: nil, dataset: catalog, diff: diff, skipped: sourceRead.problems)
        guard !request.checkOnly, !diff.isEmpty else { return result }
        let intake = IntakeWrite(
            dataset: format, diff: diff, stored: stored, slugs: catalog.slugs, hold: request.holdNew ? catalog.added : [])
        result.summary = try await write(plan, origin: request.origin, intake: intake)
        return result
    }

    /// Runs pure, possibly long work (parsing megabytes) on the thread pool, off the event loops.
    private func offLoop<T: Sendable>(_ work: @escaping @Sendable () throws(ImportFailure) -> T) async throws -> T {
        let wrapped: @Sendable () -> Result<T, ImportFailure> = {
            do throws(ImportFailure) { return .success(try work()) } catch { return .failure(error) }
        }
        let result = if let threadPool { try await threadPool.runIfActive(wrapped) } else { wrapped() }
        return try result.get()
    }

    /// Reads and validates against `knownSlugs` (the tools takes may refer to besides the
    /// input's own). Throws `ImportFailure` listing every problem.
    func validate(_ request: ImportRequest, knownSlugs: Set<String>) async throws -> CatalogImport {
        try await read(request, knownSlugs: knownSlugs).plan
    }

    /// Reading and validating, off the event loops: the plan, and for a dataset what was made of it.
    /// Parses and validates, touching no database (`knownSlugs` stands in for it).
    func read(_ request: ImportRequest, knownSlugs: Set<String>) async throws -> (plan: CatalogImport, dataset: DatasetCatalog?) {
        let (input, source) = (request.input, request.source)
        let work: @Sendable () -> Result<(CatalogImport, DatasetCatalog?), ImportFailure> = {
            do throws(ImportFailure) {
                let (document, dataset) = try Self.read(input, source: source, knownSlugs: knownSlugs)
                return .success((try CatalogImport.validate(document, source: source, knownSlugs: knownSlugs), dataset))
            } catch {
                return .failure(error)
            }
        }
        let result = if let threadPool { try await threadPool.runIfActive(work) } else { work() }
        let (plan, dataset) = try result.get()
        return (plan, dataset)
    }

    /// The input as a tree: text is parsed (size and alias limits apply), a tree is taken as is,
    /// a dataset is read by its reader and turned into a catalog document (`DatasetCatalog`).
    static func read(
        _ input: ImportRequest.Input, source: String, knownSlugs: Set<String> = []
    ) throws(ImportFailure) -> (JSONValue, DatasetCatalog?) {
        switch input {
        case .text(let data): return (try ImportFile.parse(data, name: source), nil)
        case .document(let value): return (value, nil)
        case .dataset(let data, let format, let checkedAt, let skipInvalid):
            let models = try SourceRead.read(data, format: format, checkedAt: checkedAt).checked(skipInvalid: skipInvalid, source: source)
            let catalog = DatasetCatalog.build(models, dataset: format, knownSlugs: knownSlugs)
            return (catalog.document, catalog)
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
