import Foundation

/// schema.org JSON-LD for a tool page: a `SoftwareApplication` with each persona's take as a
/// `Review`, and an `AggregateRating` only where readers have voted. The text is safe inside a
/// `<script type="application/ld+json">` block: `<`, `>` and `&` are written as \u escapes, so
/// no vendor text can close the block.
public enum StructuredData {
    public static func tool(_ standing: ToolStanding, url: String) -> String {
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
        if let percent = standing.community.shipPercent, standing.community.votes > 0 {
            object["aggregateRating"] = .object([
                "@type": .string("AggregateRating"), "ratingValue": .int(percent), "bestRating": .int(100),
                "worstRating": .int(0), "ratingCount": .int(standing.community.votes),
            ])
        }
        return scriptSafe(JSONValue.object(object).canonicalText())
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
