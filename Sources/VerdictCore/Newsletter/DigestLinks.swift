import Foundation

/// The absolute URLs a digest mail links to, all built from the public origin.
public struct DigestLinks: Sendable, Hashable {
    /// The origin every link starts with, e.g. "https://verdict.example" (trailing "/" removed).
    public var publicURL: String
    /// This subscriber's one-click unsubscribe page.
    public var unsubscribeURL: String
    /// This public archive page.
    public var archiveURL: String

    public init(publicURL: String, unsubscribeURL: String, archiveURL: String) {
        var origin = publicURL
        while origin.hasSuffix("/") { origin.removeLast() }
        self.publicURL = origin
        self.unsubscribeURL = unsubscribeURL
        self.archiveURL = archiveURL
    }

    /// The canonical comparison page, slugs in alphabetical order.
    public func compare(_ a: String, _ b: String) -> String {
        let (x, y) = Comparison.canonicalPair(a, b)
        return "\(publicURL)/compare/\(x)-vs-\(y)"
    }

    public func tool(_ slug: String) -> String { "\(publicURL)/tools/\(slug)" }
}
