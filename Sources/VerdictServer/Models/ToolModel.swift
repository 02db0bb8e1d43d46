import Crypto
import Fluent
import Foundation
import VerdictCore

/// A stored tool. Facts are kept as JSON text so both databases treat them alike.
final class ToolModel: Model, @unchecked Sendable {
    static let schema = "tools"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @OptionalField(key: "vendor") var vendor: String?
    @Field(key: "category") var category: String
    @Field(key: "category_slug") var categorySlug: String
    @OptionalField(key: "tagline") var tagline: String?
    @Field(key: "description") var description: String
    @Field(key: "entry") var entry: String
    @OptionalField(key: "homepage") var homepage: String?
    @OptionalField(key: "source_url") var sourceURL: String?
    @Field(key: "facts") var factsJSON: String
    @Field(key: "facts_hash") var factsHash: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Set when editors retire the tool: it leaves listings, its page stays with a notice.
    @OptionalField(key: "retired_at") var retiredAt: Date?
    /// Panel ship percentage, or -1 without takes; kept by `ToolModel.refreshRanking`.
    @Field(key: "panel_rank") var panelRank: Int
    /// Community ship percentage, or -1 without counted votes; kept by `refreshRanking`.
    @Field(key: "community_rank") var communityRank: Int
    /// `Rubric.standing`: ranks tools whose panel and community figures are equal; kept by every
    /// rubric run.
    @Field(key: "rubric_standing") var rubricStanding: Double
    /// `Listing` raw value for vendor-submitted and sponsored tools; nil for editorial ones.
    @OptionalField(key: "listing") var listing: String?
    /// The editors' `ClaimCheck`s as JSON; nil while no claim was checked.
    @OptionalField(key: "claim_checks") var claimChecksJSON: String?
    /// When `factsHash` last changed (or the tool was added): takes judged on other facts are
    /// stale since then.
    @OptionalField(key: "facts_changed_at") var factsChangedAt: Date?

    init() {}

    init(_ tool: Tool) {
        panelRank = -1
        communityRank = -1
        rubricStanding = 0
        apply(tool)
    }

    /// Copies every declared field of `tool` onto this row.
    func apply(_ tool: Tool) {
        slug = tool.slug
        name = tool.name
        vendor = tool.vendor
        category = tool.category
        categorySlug = tool.categorySlug
        tagline = tool.tagline
        description = tool.description
        entry = tool.entry.rawValue
        homepage = tool.homepage
        sourceURL = tool.sourceURL
        listing = tool.listing?.rawValue
        factsJSON = FactsCodec.encode(tool.facts)
        claimChecksJSON = tool.claimChecks.flatMap { $0.isEmpty ? nil : FactsCodec.encode($0) }
        factsHash = SiteCrypto.sha256Hex(FactsDigest.canonicalJSON(tool))
    }

    var tool: Tool {
        Tool(
            slug: slug, name: name, vendor: vendor, category: category, tagline: tagline,
            description: description, entry: EntryTier(rawValue: entry) ?? .contact,
            homepage: homepage, sourceURL: sourceURL, facts: FactsCodec.decode(factsJSON),
            listing: listing.flatMap(Listing.init(rawValue:)),
            claimChecks: claimChecksJSON.flatMap { try? JSONDecoder().decode([ClaimCheck].self, from: Data($0.utf8)) })
    }
}

/// Facts as stored JSON. (The "unchanged facts" hash is SHA-256 of `FactsDigest.canonicalJSON`,
/// the exact tool data the panel is shown.)
enum FactsCodec {
    static func encode(_ facts: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of optionals, strings and numbers cannot fail.
        return String(decoding: try! encoder.encode(facts), as: UTF8.self)
    }

    static func decode(_ json: String) -> ToolFacts {
        (try? JSONDecoder().decode(ToolFacts.self, from: Data(json.utf8))) ?? ToolFacts()
    }

}
