import Vapor
import VerdictCore

/// `verdict import FILE`: validates the whole file, then upserts tools and editorial takes in
/// one transaction; any problem leaves the database as it was.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "check", help: "Validate only; write nothing")
        var check: Bool

        @Option(
            name: "format",
            help: "The file's format: verdict (default: our YAML or JSON), models.dev, genai-prices or litellm (a public model dataset)")
        var format: String?

        @Flag(name: "skip-invalid", help: "With a dataset: leave out records with absurd values (listed) instead of importing nothing")
        var skipInvalid: Bool

        // Declared after the options: Vapor reads a signature in declaration order, and an argument
        // read first would take the value of `--format models.dev FILE` for the file.
        @Argument(name: "file", help: "A YAML or JSON file with `tools:` and/or `takes:`, or a dataset's file with --format")
        var file: String
    }

    var help: String {
        "Imports tools and editorial takes from a YAML or JSON file, or models from a public dataset (validated first; all or nothing)\nExample: verdict import --check catalog.yaml; verdict import --format models.dev api.json"
    }

    /// The largest dataset file read (the LiteLLM and models.dev files are 3–4 MB today).
    static let maxDatasetBytes = 64 << 20

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let input = try Self.input(signature, now: app.dependencies.clock.now())
        // A check against a database that does not exist yet creates none: the file is read and
        // validated on its own.
        if signature.check, case .sqlite(let path) = app.settings.database, !path.hasPrefix("file:"),
            !FileManager.default.fileExists(atPath: path)
        {
            do {
                let (plan, _) = try await app.importPipeline.read(
                    ImportRequest(input: input, source: signature.file, origin: .cli, checkOnly: true), knownSlugs: [])
                context.console.success(
                    "\(signature.file): valid (\(plan.tools.count) tools, \(plan.takes.count) takes); nothing written, and no database created at \(path)."
                )
            } catch let failure as ImportFailure {
                context.console.error("\(failure)")
                throw CommandFailed()
            }
            return
        }
        try await app.prepareDatabase()
        let result: ImportResult
        let bar = context.console.progressBar(title: "Importing \(signature.file)")
        var pipeline = app.importPipeline
        if !signature.check {
            bar.start()
            pipeline.progress = { done, total in bar.activity.currentProgress = total == 0 ? 1 : Double(done) / Double(total) }
        }
        do {
            result = try await pipeline.run(ImportRequest(input: input, source: signature.file, origin: .cli, checkOnly: signature.check))
            if !signature.check { bar.succeed() }
        } catch let failure as ImportFailure {
            if !signature.check { bar.fail() }
            context.console.error("\(failure)")
            throw CommandFailed()
        }
        if let dataset = result.dataset, let diff = result.diff {
            context.console.info(
                "\(signature.file): records \(diff.line); \(dataset.added.count) new tools, \(dataset.updated.count) tools this dataset made "
                    + "updated, \(dataset.unchanged.count) other tools given offers; \(dataset.notModels) records that are not models left out."
            )
            if diff.isEmpty {
                context.console.success("\(signature.file): nothing changed since the last import of this dataset; nothing written.")
                return
            }
        }
        guard let summary = result.summary else {
            context.console.success(result.line(source: signature.file))
            return
        }
        context.console.success("Imported \(signature.file): \(summary.line)")
        if summary.panelJobsQueued > 0 {
            context.console.info("Queued \(summary.panelJobsQueued) panel jobs; `verdict worker` or `verdict serve` runs them.")
        }
    }
}

extension ImportCommand {
    /// What to read: the file's bytes as our catalog format or as the named dataset.
    static func input(_ signature: Signature, now: Date) throws -> ImportRequest.Input {
        let file = signature.file
        guard let format = signature.format, format != "verdict" else {
            guard !signature.skipInvalid else {
                throw ConfigError("--skip-invalid applies to a dataset (--format models.dev|genai-prices|litellm)")
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ConfigError("Cannot read '\(file)': no such file, or not readable")
            }
            return .text(data)
        }
        guard let dataset = PriceDataset(rawValue: format) else {
            let known = ["verdict"] + PriceDataset.allCases.map(\.rawValue)
            throw ConfigError("--format '\(format)' is not one of \(known.joined(separator: ", "))")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
        guard let size else { throw ConfigError("Cannot read '\(file)': no such file, or not readable") }
        guard size <= maxDatasetBytes else {
            throw ConfigError("'\(file)' is \(size) bytes; a dataset file may be at most \(maxDatasetBytes >> 20) MB")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigError("Cannot read '\(file)': no such file, or not readable")
        }
        return .dataset(data, format: dataset, checkedAt: now, skipInvalid: signature.skipInvalid)
    }
}

/// Thrown after a command has printed its own error, so the exit code is non-zero.
struct CommandFailed: Error, CustomStringConvertible {
    var description: String { "stopped; nothing was changed" }
}
