/// An absurd value in one dataset record, named by the dataset's own id for the record.
///
/// A record with a problem is left out of `SourceRead.records`; the import refuses the whole file
/// unless the operator passes `--skip-invalid`.
public struct IntakeProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var dataset: PriceDataset
    /// The dataset's id for the record, e.g. "azure/gpt-4o" (LiteLLM) or "openai/o3" (provider/model).
    public var recordID: String
    /// The dataset's own field path, e.g. "cost.input" or "prices[1].prices.output_mtok".
    public var field: String
    public var message: String

    public init(dataset: PriceDataset, recordID: String, field: String, message: String) {
        self.dataset = dataset
        self.recordID = recordID
        self.field = field
        self.message = message
    }

    public var description: String { importProblem.description }

    /// The same problem in the import's words, for `ImportFailure`.
    public var importProblem: ImportProblem {
        ImportProblem("\(dataset.rawValue) record \"\(recordID)\"", field: field, message)
    }
}
