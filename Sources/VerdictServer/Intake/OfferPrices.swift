import Fluent
import FluentSQL
import Foundation
import VerdictCore

/// Reads of a tool's offers and their dated price versions.
enum OfferPrices {
    /// One stored offer.
    struct OfferRow: Decodable, Sendable {
        var id: UUID
        var offer_key: String
        var seller: String
        var seller_name: String?
        var seller_kind: String
        var variant: String
        var hours_utc: String?
        var source_url: String?
        var first_seen: Date

        var sellerLabel: String { seller_name ?? seller }
    }

    /// One price version of an offer, as one dataset gave it.
    struct PriceRow: Decodable, Sendable {
        var offer_id: UUID
        var dataset: String
        var prices: String
        var effective_from: Date?
        var recorded_at: Date
        var checked_at: Date
        var replaced_at: Date?

        var sheet: PriceSheet? { PriceSheet.stored(prices) }
    }

    static func offers(tool: UUID, on db: any Database) async throws -> [OfferRow] {
        try await db.sql().select().columns(
            "id", "offer_key", "seller", "seller_name", "seller_kind", "variant", "hours_utc", "source_url", "first_seen"
        )
        .from("offers").where("tool_id", .equal, SQLBind(tool)).orderBy("offer_key")
        .all(decoding: OfferRow.self)
    }

    /// Every price version of the tool's offers, oldest first.
    static func history(tool: UUID, on db: any Database) async throws -> [PriceRow] {
        try await db.sql().select()
            .column(SQLColumn("offer_id", table: "offer_prices")).column(SQLColumn("dataset", table: "offer_prices"))
            .column(SQLColumn("prices", table: "offer_prices")).column(SQLColumn("effective_from", table: "offer_prices"))
            .column(SQLColumn("recorded_at", table: "offer_prices")).column(SQLColumn("checked_at", table: "offer_prices"))
            .column(SQLColumn("replaced_at", table: "offer_prices"))
            .from("offer_prices")
            .join("offers", on: SQLColumn("offer_id", table: "offer_prices"), .equal, SQLColumn("id", table: "offers"))
            .where(SQLColumn("tool_id", table: "offers"), .equal, SQLBind(tool))
            .orderBy(SQLColumn("recorded_at", table: "offer_prices"))
            .all(decoding: PriceRow.self)
    }
}

/// What the intake knows about one tool, for its page: offers with their current and past
/// prices, the dataset records behind them, and where the datasets disagree.
struct ToolIntake: Sendable {
    struct OfferEntry: Sendable {
        var offer: OfferPrices.OfferRow
        /// The current version from each dataset pricing it.
        var current: [OfferPrices.PriceRow]
        /// Closed versions, newest first.
        var past: [OfferPrices.PriceRow]
    }

    var offers: [OfferEntry] = []
    var records: [SourceRecordRow] = []
    var disagreements: [SourceDisagreement] = []
    /// When each dataset last synced successfully: a record still listed was checked then.
    var lastSync: [String: Date] = [:]

    var isEmpty: Bool { offers.isEmpty && records.isEmpty }

    static func load(tool: UUID, on db: any Database) async throws -> ToolIntake {
        let records = try await SourceRecords.current(tool: tool, on: db)
        let offers = try await OfferPrices.offers(tool: tool, on: db)
        let prices = try await OfferPrices.history(tool: tool, on: db)
        var intake = ToolIntake(records: records)
        let byOffer = Dictionary(grouping: prices, by: \.offer_id)
        intake.offers = offers.map { offer in
            let versions = byOffer[offer.id] ?? []
            return OfferEntry(
                offer: offer, current: versions.filter { $0.replaced_at == nil }.sorted { $0.dataset < $1.dataset },
                past: versions.filter { $0.replaced_at != nil }.reversed())
        }
        // Standard offers first, the vendor's own API before clouds and hosts.
        let order: (OfferEntry) -> String = { entry in
            (entry.offer.variant == "standard" ? "0" : "1") + (entry.offer.seller_kind == "vendor_api" ? "0" : "1") + entry.offer.offer_key
        }
        intake.offers.sort { order($0) < order($1) }
        intake.disagreements = SourceDisagreement.find(records.filter { $0.removed_at == nil }.compactMap(\.model))
        if !records.isEmpty { intake.lastSync = try await SourceSyncState.lastSuccesses(on: db) }
        return intake
    }

    /// The current prices as quotes, for the tool's cost: the rows this page already read.
    var quotes: [OfferQuote] {
        offers.flatMap { entry in entry.current.compactMap { OfferPrices.quote(entry.offer, $0, lastSync: lastSync) } }
    }

    /// When the price was last confirmed: the later of its own check and the last successful sync
    /// of its dataset (an unchanged record is not rewritten, but it was seen).
    func checked(_ price: OfferPrices.PriceRow) -> Date {
        max(price.checked_at, lastSync[price.dataset] ?? .distantPast)
    }
}

extension OfferPrices {
    /// Every current price of the tools' offers, one quote per offer and source: what a month's
    /// cost is chosen from. Two queries, whatever the number of offers.
    static func quotes(tools: [UUID], on db: any Database) async throws -> [UUID: [OfferQuote]] {
        guard !tools.isEmpty else { return [:] }
        let rows = try await db.sql().select()
            .column(SQLColumn("tool_id", table: "offers"))
            .columns(
                ["id", "offer_key", "seller", "seller_name", "seller_kind", "variant", "hours_utc", "source_url", "first_seen"].map {
                    SQLColumn($0, table: "offers")
                }
            )
            .columns(
                ["offer_id", "dataset", "prices", "effective_from", "recorded_at", "checked_at", "replaced_at"].map {
                    SQLColumn($0, table: "offer_prices")
                }
            )
            .from("offers")
            .join("offer_prices", on: SQLColumn("offer_id", table: "offer_prices"), .equal, SQLColumn("id", table: "offers"))
            .where(SQLColumn("tool_id", table: "offers"), .in, SQLBind.group(tools))
            .where(SQLColumn("replaced_at", table: "offer_prices"), .is, SQLLiteral.null)
            .all()
        let lastSync = Dictionary(
            try await SourceSyncState.all(on: db).compactMap { state in state.succeeded_at.map { (state.name, $0) } }, uniquingKeysWith: max
        )
        var quotes: [UUID: [OfferQuote]] = [:]
        for row in rows {
            let tool = try row.decode(column: "tool_id", as: UUID.self)
            if let quote = quote(try row.decode(model: OfferRow.self), try row.decode(model: PriceRow.self), lastSync: lastSync) {
                quotes[tool, default: []].append(quote)
            }
        }
        return quotes
    }

    /// An offer's current price from one source as a quote; `lastSync` dates the check (an
    /// unchanged record is not rewritten, but its source's last successful sync saw it).
    static func quote(_ o: OfferRow, _ p: PriceRow, lastSync: [String: Date]) -> OfferQuote? {
        guard let sheet = p.sheet else { return nil }
        let offer = Offer(
            seller: o.seller, sellerName: o.seller_name, sellerKind: SellerKind(rawValue: o.seller_kind) ?? .inferenceHost,
            offerID: o.offer_key, sourceURL: o.source_url, variant: OfferVariant(rawValue: o.variant) ?? .standard,
            hoursUTC: o.hours_utc, prices: sheet.prices, freeQuota: sheet.freeQuota, effectiveFrom: p.effective_from,
            checkedAt: p.checked_at)
        let checked = max(p.checked_at, lastSync[p.dataset] ?? .distantPast)
        return OfferQuote(offer: offer, source: p.dataset, effectiveFrom: p.effective_from, checkedAt: checked)
    }
}
