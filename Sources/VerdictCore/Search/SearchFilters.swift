import Foundation

/// What a reader asks search for: words and the ten filters, as query parameters shared by
/// `/search` and `GET /api/v1/search`. Every filter combines with the others and with the words.
public struct SearchFilters: Sendable, Hashable {
    /// The panel's verdict: more than half of the takes say ship, exactly half, or fewer.
    public enum Verdict: String, CaseIterable, Sendable {
        case ship, split, skip
    }

    public var query: String = ""
    public var category: String?
    public var entry: EntryTier?
    public var openWeights: Bool?
    /// Lowercased, as the index keeps licences ("apache-2.0", "mit", "proprietary").
    public var license: String?
    /// An input or output modality: "image" finds tools that read or make images.
    public var modality: String?
    public var minContext: Int?
    /// USD per the tool's headline unit (1M input tokens, a second, an image, …).
    public var maxInputPrice: Decimal?
    public var verdict: Verdict?
    public var minCommunity: Int?
    /// "YYYY-MM": tools launched in a later month.
    public var releasedAfter: String?

    public init() {}

    /// The parameter names, in the order forms and links list them.
    public static let names = [
        "q", "category", "entry", "open_weights", "license", "modality", "min_context", "max_input_price", "verdict",
        "min_community", "released_after",
    ]

    public struct Problem: Error, Sendable, Equatable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    /// Reads the parameters. A bad value is refused with a sentence naming the parameter and what
    /// it accepts. An empty value means "any" where `emptyMeansAny` (the page's form sends every
    /// field); the API refuses it instead, as its schema says (leave the parameter out).
    public static func parse(_ values: [String: String], emptyMeansAny: Bool = true) throws(Problem) -> SearchFilters {
        var f = SearchFilters()
        if !emptyMeansAny, let empty = names.first(where: { $0 != "q" && values[$0]?.trimmingCharacters(in: .whitespaces).isEmpty == true })
        {
            throw Problem("'\(empty)' is empty; leave it out to mean any.")
        }
        func value(_ name: String) -> String? {
            guard let raw = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }
        if let q = value("q") {
            guard q.count <= SearchText.maxQueryLength else {
                throw Problem("'q' is longer than \(SearchText.maxQueryLength) characters.")
            }
            guard SearchText.words(q).count <= SearchText.maxQueryWords else {
                throw Problem("'q' has more than \(SearchText.maxQueryWords) words.")
            }
            f.query = q
        }
        if let category = value("category") {
            guard Slug.isValidToolSlug(category) else { throw Problem("'category' must be a category slug, e.g. language-models.") }
            f.category = category
        }
        if let entry = value("entry") {
            guard let tier = EntryTier(rawValue: entry) else { throw Problem("'entry' must be free, freemium, paid or contact.") }
            f.entry = tier
        }
        if let open = value("open_weights") {
            switch open {
            case "true", "yes", "1": f.openWeights = true
            case "false", "no", "0": f.openWeights = false
            default: throw Problem("'open_weights' must be true or false.")
            }
        }
        if let license = value("license") {
            guard license.count <= 80, license.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) }) else {
                throw Problem("'license' must be a licence name of at most 80 characters, e.g. apache-2.0.")
            }
            f.license = license.lowercased()
        }
        if let modality = value("modality") {
            guard modality.count <= 20, modality.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw Problem("'modality' must be a word such as text, image, audio, video or code.")
            }
            f.modality = modality.lowercased()
        }
        if let context = value("min_context") {
            guard let n = Int(context), (1...100_000_000).contains(n) else {
                throw Problem("'min_context' must be a whole number of tokens from 1 to 100000000.")
            }
            f.minContext = n
        }
        if let price = value("max_input_price") {
            guard let amount = DecimalText.parse(price), amount >= 0, amount <= 1_000_000 else {
                throw Problem("'max_input_price' must be a number of US dollars from 0 to 1000000, e.g. 0.5.")
            }
            f.maxInputPrice = amount
        }
        if let verdict = value("verdict") {
            guard let v = Verdict(rawValue: verdict) else { throw Problem("'verdict' must be ship, split or skip.") }
            f.verdict = v
        }
        if let community = value("min_community") {
            guard let n = Int(community), (0...100).contains(n) else {
                throw Problem("'min_community' must be a whole percentage from 0 to 100.")
            }
            f.minCommunity = n
        }
        if let released = value("released_after") {
            guard let month = Self.month(released) else {
                throw Problem("'released_after' must be a date, YYYY-MM-DD or YYYY-MM.")
            }
            f.releasedAfter = month
        }
        return f
    }

    /// "2025-05-20" or "2025-05" → "2025-05"; nil for anything else.
    static func month(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month), (1000...9999).contains(year)
        else { return nil }
        if parts.count == 3 { guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return nil } }
        return "\(parts[0])-\(parts[1])"
    }

    /// The words of the query.
    public var words: [String] { SearchText.words(query) }

    /// True when neither words nor a filter narrow the catalog.
    public var isEmpty: Bool { self == SearchFilters() }

    /// The parameters as they are given back in links (`next`, the form), empty ones left out.
    public var parameters: [(name: String, value: String)] {
        let values: [String?] = [
            query.isEmpty ? nil : query, category, entry?.rawValue, openWeights.map { $0 ? "true" : "false" }, license, modality,
            minContext.map(String.init), maxInputPrice.map { "\($0)" }, verdict?.rawValue, minCommunity.map(String.init), releasedAfter,
        ]
        return zip(Self.names, values).compactMap { name, value in value.map { (name, $0) } }
    }

    /// The verdict a panel figure gives: nil while there are no takes.
    public static func verdict(panelShipPercent: Int?) -> Verdict? {
        guard let p = panelShipPercent else { return nil }
        return p > 50 ? .ship : p == 50 ? .split : .skip
    }
}
