/// What one price is charged for. Token units are priced per 1M tokens; the others per one unit.
public enum PricedUnit: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case inputTokens = "input_tokens"
    case outputTokens = "output_tokens"
    case cachedInputTokens = "cached_input_tokens"
    case cacheWriteTokens = "cache_write_tokens"
    case reasoningTokens = "reasoning_tokens"
    case inputAudioTokens = "input_audio_tokens"
    case outputAudioTokens = "output_audio_tokens"
    case image
    case audioSecond = "audio_second"
    case videoSecond = "video_second"
    case request
    case seatMonth = "seat_month"
    case flatMonth = "flat_month"

    /// Priced per 1M tokens (the datasets' and the reader's unit), rather than per one unit.
    public var isTokens: Bool {
        switch self {
        case .inputTokens, .outputTokens, .cachedInputTokens, .cacheWriteTokens, .reasoningTokens, .inputAudioTokens,
            .outputAudioTokens:
            true
        case .image, .audioSecond, .videoSecond, .request, .seatMonth, .flatMonth:
            false
        }
    }

    /// "per 1M input tokens", "per image": the words after a price.
    public var displayName: String {
        switch self {
        case .inputTokens: "per 1M input tokens"
        case .outputTokens: "per 1M output tokens"
        case .cachedInputTokens: "per 1M cached input tokens"
        case .cacheWriteTokens: "per 1M cache-write tokens"
        case .reasoningTokens: "per 1M reasoning tokens"
        case .inputAudioTokens: "per 1M input audio tokens"
        case .outputAudioTokens: "per 1M output audio tokens"
        case .image: "per image"
        case .audioSecond: "per second of audio"
        case .videoSecond: "per second of video"
        case .request: "per request"
        case .seatMonth: "per seat per month"
        case .flatMonth: "per month"
        }
    }

    public static func < (a: PricedUnit, b: PricedUnit) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
