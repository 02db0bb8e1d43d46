import Foundation

/// A tool suggested by a reader or submitted by its vendor, as the `/suggest` form sends it,
/// checked field by field: every problem is named, nothing is silently altered.
public struct Suggestion: Sendable, Hashable {
    public var name: String
    public var url: String
    /// The name of an existing category; a new one is chosen by the editor who accepts it.
    public var category: String
    public var reason: String
    /// The submitter says they speak for the vendor: the tool is labelled vendor-submitted.
    public var vendorSubmitted: Bool

    public static let maxName = 120
    public static let maxURL = 500
    public static let maxReason = 2000

    public init(name: String, url: String, category: String, reason: String, vendorSubmitted: Bool) {
        self.name = name
        self.url = url
        self.category = category
        self.reason = reason
        self.vendorSubmitted = vendorSubmitted
    }

    /// Checks raw form values against the categories offered; returns the cleaned suggestion or
    /// the problems, field → message.
    public static func check(
        name rawName: String?, url rawURL: String?, category rawCategory: String?, reason rawReason: String?, vendor: Bool,
        categories: [String]
    ) -> Result<Suggestion, SuggestionProblems> {
        var problems: [String: String] = [:]
        func field(_ key: String, _ raw: String?, max: Int, required: Bool) -> String {
            switch TextCleaning.field(raw ?? "", max: max) {
            case .success(let value):
                if required && value.isEmpty { problems[key] = "is required" }
                return value
            case .failure(let refusal):
                problems[key] = refusal.description
                return ""
            }
        }
        let name = field("name", rawName, max: maxName, required: true)
        let reason = field("reason", rawReason, max: maxReason, required: true)
        let url = (rawURL ?? "").trimmingCharacters(in: .whitespaces)
        if url.isEmpty {
            problems["url"] = "is required"
        } else if url.count > maxURL {
            problems["url"] = "is \(url.count) characters long; at most \(maxURL) allowed"
        } else if !FieldReader.isWebURL(url) {
            problems["url"] = "must be an http(s) address such as https://example.com, with no spaces or hidden characters"
        }
        let category = (rawCategory ?? "").trimmingCharacters(in: .whitespaces)
        if !categories.contains(category) && category != otherCategory {
            problems["category"] = "choose one of the listed categories, or \"\(otherCategory)\""
        }
        guard problems.isEmpty else { return .failure(SuggestionProblems(fields: problems)) }
        return .success(Suggestion(name: name, url: url, category: category, reason: reason, vendorSubmitted: vendor))
    }

    /// An absolute http(s) URL with nothing hidden in it, as tool links must be.
    public static func isWebURL(_ text: String) -> Bool { FieldReader.isWebURL(text) }

    /// The choice for a tool that fits no listed category; the editor picks one on accepting.
    public static let otherCategory = "Other"
}

/// What is wrong with a suggestion, by form field.
public struct SuggestionProblems: Error, Sendable, Hashable {
    public var fields: [String: String]
}
