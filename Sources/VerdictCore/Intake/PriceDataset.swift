/// The public model datasets Verdict takes in; the raw value is the `--format` name.
public enum PriceDataset: String, CaseIterable, Codable, Sendable, Hashable {
    case modelsDev = "models.dev"
    case genaiPrices = "genai-prices"
    case litellm
}
