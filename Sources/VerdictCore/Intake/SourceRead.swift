import Foundation

/// What a dataset reader found: the records it could read, and the problems of those it could not.
public struct SourceRead: Sendable {
    public var dataset: PriceDataset
    /// Valid records, in the dataset's order (providers and model ids sorted where the file is a mapping).
    public var records: [SourceModel]
    /// One or more per left-out record.
    public var problems: [IntakeProblem]
    /// Records that only point at another (LiteLLM `alias_of`): alias id → target id.
    public var aliases: [String: String]

    public init(dataset: PriceDataset, records: [SourceModel], problems: [IntakeProblem], aliases: [String: String] = [:]) {
        self.dataset = dataset
        self.records = records
        self.problems = problems
        self.aliases = aliases
    }

    /// The dataset ids of the left-out records.
    public var invalidRecordIDs: Set<String> { Set(problems.map(\.recordID)) }

    /// Reads a dataset file in its format. `checkedAt` is the date of the snapshot (from the injected clock
    /// or the download), stamped on every offer. Throws only when the file as a whole is unreadable.
    public static func read(_ data: Data, format: PriceDataset, checkedAt: Date) throws(ImportFailure) -> SourceRead {
        switch format {
        case .modelsDev: try ModelsDevReader.read(data, checkedAt: checkedAt)
        case .genaiPrices: try GenAIPricesReader.read(data, checkedAt: checkedAt)
        case .litellm: try LiteLLMReader.read(data, checkedAt: checkedAt)
        }
    }

    /// Fails the import when any record is invalid, unless the operator chose to skip them.
    public func checked(skipInvalid: Bool, source: String) throws(ImportFailure) -> [SourceModel] {
        guard skipInvalid || problems.isEmpty else {
            throw ImportFailure(source: source, problems: problems.map(\.importProblem))
        }
        return records
    }
}
