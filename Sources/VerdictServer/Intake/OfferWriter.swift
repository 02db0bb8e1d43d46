import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// An offer of a tool, by the tool and the offer's key.
struct OfferRef: Hashable, Sendable {
    var tool: UUID
    var key: String
}

extension Array {
    /// The array in consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

/// Writes offers and their dated prices for one source of prices (a dataset, or "editorial" for
/// the prices editors declare in a tool's facts): creates the offers a tool lacks, and records a
/// new price version wherever the source's current version differs, closing the old one.
struct OfferWriter: Sendable {
    /// The source of the prices: a dataset's name, or `editorial`.
    let label: String
    let now: Date

    static let editorial = "editorial"
    typealias ToolRef = SourceWriter.ToolRef

    struct Result: Sendable {
        var offersCreated = 0
        var pricesRecorded = 0
        var pricesChanged = 0
        var events: [CatalogEvents.Event] = []
    }

    func write(_ pairs: [(tool: SourceWriter.ToolRef, offer: Offer)], on db: any Database) async throws -> Result {
        var result = Result()
        guard !pairs.isEmpty else { return result }
        let ids = try await offers(pairs, result: &result, on: db)
        try await recordPrices(pairs, offerIDs: ids, result: &result, on: db)
        return result
    }

    /// The id of every offer the records price, creating the ones the tool does not have yet.
    private func offers(_ pairs: [(tool: ToolRef, offer: Offer)], result: inout Result, on db: any Database) async throws -> [OfferRef:
        UUID]
    {
        let toolIDs = Array(Set(pairs.map(\.tool.id)))
        var ids: [OfferRef: UUID] = [:]
        for chunk in toolIDs.chunked(SourceRecords.batch) {
            let rows = try await db.sql().select().column("id").column("tool_id").column("offer_key").from("offers")
                .where("tool_id", .in, chunk).all()
            for row in rows {
                let ref = OfferRef(
                    tool: try row.decode(column: "tool_id", as: UUID.self), key: try row.decode(column: "offer_key", as: String.self))
                ids[ref] = try row.decode(column: "id", as: UUID.self)
            }
        }
        var missing: [(OfferRef, Offer)] = []
        for (tool, offer) in pairs {
            let ref = OfferRef(tool: tool.id, key: offer.key)
            guard ids[ref] == nil else { continue }
            ids[ref] = UUID()
            missing.append((ref, offer))
        }
        for chunk in missing.chunked(SourceRecords.batch) {
            var insert = db.sql().insert(into: "offers").columns(
                "id", "tool_id", "offer_key", "seller", "seller_name", "seller_kind", "variant", "hours_utc", "source_url", "first_seen")
            for (ref, offer) in chunk {
                insert = insert.values(
                    SQLBind(ids[ref]!), SQLBind(ref.tool), SQLBind(ref.key), SQLBind(offer.seller), SQLBind(offer.sellerName),
                    SQLBind(offer.sellerKind.rawValue), SQLBind(offer.variant.rawValue), SQLBind(offer.hoursUTC), SQLBind(offer.sourceURL),
                    SQLBind(now))
            }
            try await insert.run()
        }
        result.offersCreated = missing.count
        return ids
    }

    /// A new dated price version for every offer whose prices differ from this dataset's current one.
    private func recordPrices(
        _ pairs: [(tool: ToolRef, offer: Offer)], offerIDs: [OfferRef: UUID], result: inout Result, on db: any Database
    ) async throws {
        var wanted: [UUID: (Offer, ToolRef)] = [:]
        for (tool, offer) in pairs {
            if let id = offerIDs[OfferRef(tool: tool.id, key: offer.key)] { wanted[id] = (offer, tool) }
        }
        var current: [UUID: (id: UUID, prices: String)] = [:]
        for chunk in Array(wanted.keys).chunked(SourceRecords.batch) {
            let rows = try await db.sql().select().column("id").column("offer_id").column("prices").from("offer_prices")
                .where("offer_id", .in, chunk).where("dataset", .equal, SQLBind(label))
                .where("replaced_at", .is, SQLLiteral.null).all()
            for row in rows {
                current[try row.decode(column: "offer_id", as: UUID.self)] = (
                    try row.decode(column: "id", as: UUID.self), try row.decode(column: "prices", as: String.self)
                )
            }
        }
        var replaced: [UUID] = []
        var inserts: [(UUID, Offer)] = []
        for (offerID, (offer, tool)) in wanted.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            let sheet = offer.pricesJSON
            if let now = current[offerID] {
                guard now.prices != sheet else { continue }
                replaced.append(now.id)
                result.events.append(
                    CatalogEvents.Event(
                        kind: .price, tool: tool.id, categorySlug: tool.categorySlug,
                        text: Self.priceChange(PriceSheet.stored(now.prices), offer, source: label)))
            }
            inserts.append((offerID, offer))
        }
        for chunk in replaced.chunked(SourceRecords.batch) {
            try await db.sql().update("offer_prices").set("replaced_at", to: SQLBind(now)).where("id", .in, chunk).run()
        }
        for chunk in inserts.chunked(SourceRecords.batch) {
            var insert = db.sql().insert(into: "offer_prices").columns(
                "id", "offer_id", "dataset", "prices", "effective_from", "recorded_at", "checked_at")
            for (offerID, offer) in chunk {
                insert = insert.values(
                    SQLBind(UUID()), SQLBind(offerID), SQLBind(label), SQLBind(offer.pricesJSON),
                    SQLBind(offer.effectiveFrom), SQLBind(now), SQLBind(offer.checkedAt))
            }
            try await insert.run()
        }
        result.pricesRecorded = inserts.count
        result.pricesChanged = replaced.count
    }

    /// "openai, standard: per 1M input tokens $2.50 → $2.00 (models.dev)".
    static func priceChange(_ before: PriceSheet?, _ offer: Offer, source: String) -> String {
        var parts: [String] = []
        for unit in PricedUnit.allCases {
            let old = before?.price(unit)?.amount
            let new = offer.price(unit)?.amount
            guard old != new else { continue }
            let from = old.map(DatasetCatalog.usd) ?? "none"
            let to = new.map(DatasetCatalog.usd) ?? "none"
            parts.append("\(unit.displayName) \(from) → \(to)")
        }
        if parts.isEmpty { parts.append("tiers or free quota changed") }
        return "\(offer.sellerName ?? offer.seller), \(offer.variant.rawValue): " + parts.joined(separator: "; ") + " (\(source))"
    }
}
