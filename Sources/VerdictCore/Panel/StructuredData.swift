import Foundation

/// schema.org JSON-LD for a tool page: a `SoftwareApplication` with each persona's take as a
/// `Review`, and an `AggregateRating` only where readers have voted. The text is safe inside a
/// `<script type="application/ld+json">` block: `<`, `>` and `&` are written as \u escapes, so
/// no vendor text can close the block.
public enum StructuredData {
    public static func tool(_ standing: ToolStanding, url: String) -> String {
        toolParts(standing, url: url).text(standing.community)
    }

    /// A tool's JSON-LD in two parts around its `aggregateRating`, the one member votes change:
    /// a page keeps the parts and writes only the rating per vote. Members are in key order, so
    /// the rating goes right after "@type".
    public struct ToolParts: Sendable {
        let before: String
        /// Nil when the object had no place for a rating (never: "applicationCategory" is always
        /// written); the text is then shown without one rather than made invalid.
        let after: String?

        public func text(_ community: CommunityScore) -> String {
            guard let after else { return before }
            guard let percent = community.shipPercent, community.votes > 0 else { return before + after }
            let rating = JSONValue.object([
                "@type": .string("AggregateRating"), "ratingValue": .int(percent), "bestRating": .int(100),
                "worstRating": .int(0), "ratingCount": .int(community.votes),
            ])
            return before + "  \"aggregateRating\": " + rating.canonicalText(indent: "  ") + ",\n" + after
        }
    }

    public static func toolParts(_ standing: ToolStanding, url: String) -> ToolParts {
        let tool = standing.tool
        var object: [String: JSONValue] = [
            "@context": .string("https://schema.org"),
            "@type": .string("SoftwareApplication"),
            "name": .string(tool.name),
            "applicationCategory": .string(tool.category),
            "description": .string(tool.tagline ?? tool.description),
            "url": .string(url),
        ]
        if let vendor = tool.vendor { object["author"] = .object(["@type": .string("Organization"), "name": .string(vendor)]) }
        object["review"] = .array(
            standing.takes.map { take in
                .object([
                    "@type": .string("Review"),
                    "author": .object(["@type": .string("Person"), "name": .string("Verdict's \(take.persona.displayName)")]),
                    "name": .string(take.verdict == .ship ? "Ship" : "Skip"),
                    "reviewBody": .string(take.text),
                    "reviewRating": .object([
                        "@type": .string("Rating"), "ratingValue": .int(take.verdict == .ship ? 1 : 0), "bestRating": .int(1),
                        "worstRating": .int(0),
                    ]),
                ])
            })
        let text = scriptSafe(JSONValue.object(object).canonicalText())
        // "applicationCategory" is the member after "@type": the rating goes on the line before it.
        guard let next = text.range(of: "\n  \"applicationCategory\"") else { return ToolParts(before: text, after: nil) }
        return ToolParts(before: String(text[...next.lowerBound]), after: String(text[text.index(after: next.lowerBound)...]))
    }

    /// JSON with `<`, `>` and `&` as \u escapes (valid JSON, inert in HTML).
    public static func scriptSafe(_ json: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(json.utf8.count + 32)
        for byte in json.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: #"\u0026"#.utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: #"\u003c"#.utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: #"\u003e"#.utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
