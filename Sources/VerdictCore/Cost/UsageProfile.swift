import Foundation

/// A month of use, as a buyer describes it: "what would this cost me". The page's GET form and
/// `GET /api/v1/cost` take the same parameters (`names`), or a preset.
public struct UsageProfile: Sendable, Hashable {
    /// Prompt tokens per month, cached ones included.
    public var inputTokens: Int = 0
    public var outputTokens: Int = 0
    /// The share of input tokens served from the prompt cache, 0…1.
    public var cachedInputShare: Decimal = 0
    /// Asynchronous batch jobs are acceptable (batch offers qualify).
    public var batch = false
    public var images: Int = 0
    public var audioSeconds: Int = 0
    public var videoSeconds: Int = 0
    public var seats: Int = 0
    public var requests: Int = 0

    public init(
        inputTokens: Int = 0, outputTokens: Int = 0, cachedInputShare: Decimal = 0, batch: Bool = false, images: Int = 0,
        audioSeconds: Int = 0, videoSeconds: Int = 0, seats: Int = 0, requests: Int = 0
    ) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputShare = cachedInputShare
        self.batch = batch
        self.images = images
        self.audioSeconds = audioSeconds
        self.videoSeconds = videoSeconds
        self.seats = seats
        self.requests = requests
    }

    /// Cached input tokens: the share of input, rounded down to whole tokens.
    public var cachedInputTokens: Int {
        let cached = NSDecimalNumber(decimal: Decimal(inputTokens) * cachedInputShare).rounding(
            accordingToBehavior: NSDecimalNumberHandler(
                roundingMode: .down, scale: 0, raiseOnExactness: false, raiseOnOverflow: false, raiseOnUnderflow: false,
                raiseOnDivideByZero: false))
        return min(max(cached.intValue, 0), inputTokens)
    }

    /// Nothing to price.
    public var isEmpty: Bool {
        inputTokens == 0 && outputTokens == 0 && images == 0 && audioSeconds == 0 && videoSeconds == 0 && seats == 0 && requests == 0
    }

    /// The query parameter names, shared by the page and the API.
    public static let names = [
        "input_tokens", "output_tokens", "cached_input_share", "batch", "images", "audio_seconds", "video_seconds", "seats",
        "requests", "preset",
    ]

    /// The largest count accepted for any quantity (a trillion tokens a month is far beyond any buyer).
    public static let maxQuantity = 1_000_000_000_000

    /// Reads the parameters (a preset first, then explicit values over it). Unknown values are
    /// named in the error; absent ones are 0 (or the preset's).
    public static func parse(_ query: [String: String]) throws(UsageError) -> (profile: UsageProfile, preset: UsagePreset?) {
        var profile = UsageProfile()
        var preset: UsagePreset?
        if let name = query["preset"], !name.isEmpty {
            guard let found = UsagePreset.all.first(where: { $0.id == name }) else {
                throw UsageError("preset must be one of \(UsagePreset.all.map(\.id).joined(separator: ", ")); got \"\(name.prefix(40))\"")
            }
            preset = found
            profile = found.profile
        }
        func count(_ key: String, _ path: WritableKeyPath<UsageProfile, Int>) throws(UsageError) {
            guard let raw = query[key], !raw.isEmpty else { return }
            let digits = raw.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")
            guard digits.count <= 13, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), value <= maxQuantity else {
                throw UsageError("\(key) must be a whole number from 0 to \(maxQuantity); got \"\(raw.prefix(40))\"")
            }
            profile[keyPath: path] = value
        }
        try count("input_tokens", \.inputTokens)
        try count("output_tokens", \.outputTokens)
        try count("images", \.images)
        try count("audio_seconds", \.audioSeconds)
        try count("video_seconds", \.videoSeconds)
        try count("seats", \.seats)
        try count("requests", \.requests)
        if let raw = query["cached_input_share"], !raw.isEmpty {
            guard raw.count <= 12, let share = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")), !share.isNaN,
                share >= 0, share <= 1, raw.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
            else { throw UsageError("cached_input_share must be a number from 0 to 1, like 0.3; got \"\(raw.prefix(40))\"") }
            profile.cachedInputShare = share
        }
        if let raw = query["batch"], !raw.isEmpty {
            switch raw.lowercased() {
            case "true", "1", "on", "yes": profile.batch = true
            case "false", "0", "off", "no": profile.batch = false
            default: throw UsageError("batch must be true or false; got \"\(raw.prefix(40))\"")
            }
        }
        return (profile, preset)
    }

    /// The profile as query parameters (non-zero ones), for shareable links.
    public var query: [(String, String)] {
        var items: [(String, String)] = []
        func add(_ key: String, _ value: Int) { if value > 0 { items.append((key, String(value))) } }
        add("input_tokens", inputTokens)
        add("output_tokens", outputTokens)
        if cachedInputShare > 0 { items.append(("cached_input_share", "\(cachedInputShare)")) }
        if batch { items.append(("batch", "true")) }
        add("images", images)
        add("audio_seconds", audioSeconds)
        add("video_seconds", videoSeconds)
        add("seats", seats)
        add("requests", requests)
        return items
    }
}

/// A named workload: the presets the page offers, defined here once and shown with their numbers.
/// They describe text workloads (tokens, plus seats and requests where a tool charges for them);
/// image, audio and video use is entered as numbers.
public struct UsagePreset: Sendable, Hashable {
    public var id: String
    public var name: String
    public var profile: UsageProfile

    public static let all: [UsagePreset] = [
        UsagePreset(
            id: "hobby", name: "Hobby: a side project",
            profile: UsageProfile(inputTokens: 2_000_000, outputTokens: 500_000, seats: 1, requests: 2_000)),
        UsagePreset(
            id: "startup", name: "Startup: one product feature in production",
            profile: UsageProfile(
                inputTokens: 200_000_000, outputTokens: 40_000_000, cachedInputShare: Decimal(string: "0.3")!, seats: 10,
                requests: 200_000)),
        UsagePreset(
            id: "scale-up", name: "Scale-up: several features, batch back-office jobs",
            profile: UsageProfile(
                inputTokens: 5_000_000_000, outputTokens: 1_000_000_000, cachedInputShare: Decimal(string: "0.5")!, batch: true,
                seats: 100, requests: 5_000_000)),
    ]

    /// "2,000,000 input tokens, 500,000 output tokens, 20 images, 1 seat, 2,000 requests a month".
    public var summary: String { UsageText.describe(profile) }
}

public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Plain words for a usage profile.
public enum UsageText {
    public static func describe(_ p: UsageProfile) -> String {
        var parts: [String] = []
        func add(_ n: Int, _ one: String, _ many: String) { if n > 0 { parts.append("\(grouped(n)) \(n == 1 ? one : many)") } }
        add(p.inputTokens, "input token", "input tokens")
        if p.cachedInputShare > 0 { parts.append("\(NSDecimalNumber(decimal: p.cachedInputShare * 100).intValue)% of input cached") }
        add(p.outputTokens, "output token", "output tokens")
        add(p.images, "image", "images")
        add(p.audioSeconds, "second of audio", "seconds of audio")
        add(p.videoSeconds, "second of video", "seconds of video")
        add(p.seats, "seat", "seats")
        add(p.requests, "request", "requests")
        if p.batch { parts.append("batch allowed") }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ") + " a month"
    }

    public static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
