import Foundation

/// One model as one dataset describes it: its facts and the offers that dataset prices it at.
///
/// Readers of all three datasets produce this; `toolKey` says which tool it becomes or updates.
public struct SourceModel: Codable, Sendable, Hashable {
    public var dataset: PriceDataset
    /// The dataset's id for the record: "provider/model" for models.dev and genai-prices, the key for LiteLLM.
    public var recordID: String
    public var toolKey: ToolKey
    public var name: String
    public var category: ModelCategory
    public var contextWindow: Int?
    public var maxOutput: Int?
    public var inputModalities: [String]
    public var outputModalities: [String]
    public var openWeights: Bool?
    /// An SPDX id or "proprietary", where the dataset gives one (none of the three does today).
    public var license: String?
    /// "YYYY-MM-DD" or "YYYY-MM", as published.
    public var releaseDate: String?
    /// "YYYY-MM" or "YYYY-MM-DD", as published.
    public var knowledgeCutoff: String?
    /// Only what the dataset states; nil is unknown, not generally available.
    public var status: ReleaseStatus?
    /// "YYYY-MM-DD": when the seller retires it.
    public var deprecationDate: String?
    public var offers: [Offer]

    public init(
        dataset: PriceDataset, recordID: String, toolKey: ToolKey, name: String, category: ModelCategory,
        contextWindow: Int? = nil, maxOutput: Int? = nil, inputModalities: [String] = [], outputModalities: [String] = [],
        openWeights: Bool? = nil, license: String? = nil, releaseDate: String? = nil, knowledgeCutoff: String? = nil,
        status: ReleaseStatus? = nil, deprecationDate: String? = nil, offers: [Offer] = []
    ) {
        self.dataset = dataset
        self.recordID = recordID
        self.toolKey = toolKey
        self.name = name
        self.category = category
        self.contextWindow = contextWindow
        self.maxOutput = maxOutput
        self.inputModalities = inputModalities
        self.outputModalities = outputModalities
        self.openWeights = openWeights
        self.license = license
        self.releaseDate = releaseDate
        self.knowledgeCutoff = knowledgeCutoff
        self.status = status
        self.deprecationDate = deprecationDate
        self.offers = offers
    }
}
