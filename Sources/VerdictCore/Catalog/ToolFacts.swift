/// The structured facts a tool declares, as read from its public pages.
///
/// Every field is optional: a fact nobody declared is *unknown*, and the rubric says so
/// rather than guessing. Keys are snake_case in import files and the API.
public struct ToolFacts: Codable, Sendable, Hashable {
    // Integration (the Builder weighs these)
    /// A public, documented HTTP API.
    public var api: Bool?
    /// Official SDK languages, e.g. ["python", "typescript"].
    public var sdks: [String]?
    /// Public documentation URL.
    public var docsURL: String?
    /// Minutes from sign-up to a first result, as measured or as the quick start states.
    public var quickstartMinutes: Int?
    /// Licence of the model or code: an SPDX id such as "Apache-2.0", or "proprietary".
    public var license: String?
    /// Weights downloadable for local use.
    public var openWeights: Bool?
    /// Can be run on your own infrastructure.
    public var selfHostable: Bool?
    /// Rate limits or quotas are published.
    public var rateLimitsPublished: Bool?
    /// Release status.
    public var status: ReleaseStatus?
    /// Every modality it takes in or puts out, e.g. ["text", "image", "video", "audio", "code"].
    public var modalities: [String]?
    /// What it generates (its output modalities). A take says the tool generates a medium only
    /// when this lists it.
    public var outputModalities: [String]?
    /// Context window in tokens, for language models.
    public var contextWindow: Int?

    // Competition and evidence (the Skeptic weighs these)
    /// Names of the direct competitors.
    public var competitors: [String]?
    /// Headline claims from the vendor, verbatim or close to it.
    public var claims: [String]?
    /// The vendor publishes method and numbers for its headline claims (benchmarks, evals).
    public var benchmarksPublished: Bool?
    /// Who stands behind it: big_tech, venture, open_community or independent.
    public var backing: Backing?
    /// How hard it is to leave: low, medium or high.
    public var lockIn: Level?

    // Strategy (the Futurist weighs these)
    /// When it first became generally usable, "YYYY-MM".
    public var launched: String?
    /// The thesis the tool bets on, in one sentence.
    public var bet: String?

    // Money (the Buyer weighs these)
    /// per_token, per_seat, per_second, per_image, per_credit, subscription, free or contact.
    public var pricingModel: PricingModel?
    /// Prices are published on a public page.
    public var pricingPublished: Bool?
    /// A free tier or free quota exists.
    public var freeTier: Bool?
    /// USD per million input tokens, where priced per token.
    public var inputPricePerMTok: Double?
    /// USD per million output tokens, where priced per token.
    public var outputPricePerMTok: Double?
    /// A short human-readable price line, e.g. "$15/seat/month".
    public var priceNote: String?
    /// SSO, audit logs or a compliance report (SOC 2, ISO 27001) are offered.
    public var enterprise: Bool?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case api, sdks
        case docsURL = "docs_url"
        case quickstartMinutes = "quickstart_minutes"
        case license
        case openWeights = "open_weights"
        case selfHostable = "self_hostable"
        case rateLimitsPublished = "rate_limits_published"
        case status, modalities
        case outputModalities = "output_modalities"
        case contextWindow = "context_window"
        case competitors, claims
        case benchmarksPublished = "benchmarks_published"
        case backing
        case lockIn = "lock_in"
        case launched, bet
        case pricingModel = "pricing_model"
        case pricingPublished = "pricing_published"
        case freeTier = "free_tier"
        case inputPricePerMTok = "input_price_per_mtok"
        case outputPricePerMTok = "output_price_per_mtok"
        case priceNote = "price_note"
        case enterprise
    }

    /// Every key an import file may use under `facts`.
    public static let knownKeys: [String] = CodingKeys.allCases.map(\.rawValue)
}

public enum ReleaseStatus: String, CaseIterable, Codable, Sendable, Hashable {
    case ga, beta, preview, waitlist, deprecated
}

public enum Backing: String, CaseIterable, Codable, Sendable, Hashable {
    case bigTech = "big_tech"
    case venture
    case openCommunity = "open_community"
    case independent
}

public enum Level: String, CaseIterable, Codable, Sendable, Hashable {
    case low, medium, high
}

public enum PricingModel: String, CaseIterable, Codable, Sendable, Hashable {
    case perToken = "per_token"
    case perSeat = "per_seat"
    case perSecond = "per_second"
    case perImage = "per_image"
    case perCredit = "per_credit"
    case subscription, free, contact
}
