import Fluent
import Foundation
import Vapor
import VerdictCore

/// Syncs one configured dataset source: download (conditionally), compare with the last sync, and
/// apply the difference through the import pipeline — new models published with their panel
/// queued, changed prices recorded as new dated prices, vanished records marked, unchanged data
/// not written. A failing source (unreachable, 5xx, timeout, oversized or malformed body) changes
/// nothing in the catalog; the failure is stored for the desk and logged.
struct SourceSync: Sendable {
    let app: Application
    /// Told how many tools of the snapshot are written so far (the CLI's progress bar).
    var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil

    enum Outcome: Sendable {
        /// The server answered 304, or the body is byte for byte the last one.
        case unchanged(reason: String)
        /// The snapshot read; with `dryRun` nothing was written.
        case compared(ImportResult, dryRun: Bool)
        case failed(String)
    }

    struct Report: Sendable {
        var source: SourceList.Source
        var outcome: Outcome

        /// One line for the log and the console.
        var line: String {
            switch outcome {
            case .unchanged(let reason): "\(source.name): unchanged (\(reason)); nothing written"
            case .compared(let result, let dryRun):
                "\(source.name): \(result.diff?.line ?? "")"
                    + (dryRun ? " — dry run, nothing written" : result.summary.map { "; \($0.line)" } ?? "; nothing written")
                    + (result.skipped.isEmpty ? "" : "; \(result.skipped.count) malformed records left as they were")
            case .failed(let message): "\(source.name): FAILED — \(message); nothing changed"
            }
        }
    }

    func sync(_ source: SourceList.Source, dryRun: Bool = false) async -> Report {
        let db = app.db
        let settings = app.settings.intake
        let now = app.dependencies.clock.now()
        var state: SourceSyncState
        do {
            state =
                try await SourceSyncState.find(source.name, on: db) ?? SourceSyncState(name: source.name, location: "\(source.location)")
        } catch {
            return Report(source: source, outcome: .failed("cannot read the sync state: \(error)"))
        }
        // A changed location starts afresh: the old validators belong to another URL.
        if state.location != "\(source.location)" { (state.etag, state.last_modified, state.body_hash) = (nil, nil, nil) }
        state.location = "\(source.location)"
        state.attempted_at = now
        let outcome: Outcome
        do {
            let fetcher = SourceFetcher(http: app.dependencies.http, maxBytes: settings.maxBytes, timeoutSeconds: settings.timeoutSeconds)
            switch try await fetcher.fetch(source.location, since: .init(etag: state.etag, lastModified: state.last_modified)) {
            case .notModified:
                outcome = .unchanged(reason: "the server answered 304 Not Modified")
            case .body(let data, let validators):
                let hash = SiteCrypto.sha256Hex(data)
                if hash == state.body_hash {
                    outcome = .unchanged(reason: "the same bytes as the last sync")
                } else {
                    let request = ImportRequest(
                        input: .dataset(data, format: source.format, checkedAt: now, skipInvalid: true), source: source.name,
                        origin: .sync(source: source.name), checkOnly: dryRun, holdNew: settings.holdNew)
                    var pipeline = app.importPipeline
                    pipeline.progress = progress
                    let result = try await pipeline.run(request)
                    outcome = .compared(result, dryRun: dryRun)
                    (state.etag, state.last_modified, state.body_hash) = (validators.etag, validators.lastModified, hash)
                    state.diff = result.diff?.line
                }
            }
        } catch let failure as SourceFailure {
            outcome = .failed(failure.message)
        } catch let failure as ImportFailure {
            outcome = .failed(
                "the body is not a readable \(source.format.rawValue) dataset: \(failure.problems.first.map { "\($0)" } ?? "\(failure)")")
        } catch {
            outcome = .failed(String(describing: error))
        }
        let report = Report(source: source, outcome: outcome)
        if case .failed(let message) = outcome {
            app.logger.error("sync \(report.line)")
            state.failed_at = now
            state.error = message
        } else {
            app.logger.notice("sync \(report.line)")
            state.succeeded_at = now
            state.error = nil
        }
        guard !dryRun else { return report }
        do { try await state.save(on: db) } catch { app.logger.error("sync \(source.name): cannot store the sync state: \(error)") }
        return report
    }
}
