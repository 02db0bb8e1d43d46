/// The public model datasets Verdict takes in; the raw value is the `--format` name.
public enum PriceDataset: String, CaseIterable, Codable, Sendable, Hashable {
    case modelsDev = "models.dev"
    case genaiPrices = "genai-prices"
    case litellm
}

extension PriceDataset {
    /// Where the dataset is published: the source a tool imported from it names.
    public var homepage: String {
        switch self {
        case .modelsDev: "https://models.dev"
        case .genaiPrices: "https://github.com/pydantic/genai-prices"
        case .litellm: "https://github.com/BerriAI/litellm"
        }
    }
}
