import Foundation
import Plot
import VerdictCore

extension ToolShow.View {
    /// Who sells the tool at what price, from the public datasets: one row per offer and
    /// dataset, with the price's date, when it was last checked, its history and disagreements.
    func offers() -> Node<HTML.BodyContext> {
        let intake = model.intake
        guard !intake.isEmpty else { return .empty }
        let withPrices = intake.offers.filter { !$0.current.isEmpty || !$0.past.isEmpty }
        return .section(
            .class("section"), .id("offers"),
            .h2(.text("Offers and prices")),
            .p(
                .class("muted"),
                .text(
                    "Who sells \(tool.name) and at what price, as the public datasets publish it (USD). Prices are recorded with their date; a change adds a new dated price and keeps the old one."
                )),
            .if(
                !intake.disagreements.isEmpty,
                .div(
                    .class("notice notice-disagreement"), .attribute(named: "role", value: "note"),
                    .strong(.text("The sources disagree: ")),
                    .ul(.forEach(intake.disagreements) { .li(.text($0.line)) }))),
            .if(
                withPrices.isEmpty,
                .p(.text("No dataset publishes a price for it.")),
                else: .div(
                    .class("table-scroll"),
                    .table(
                        .class("offers"),
                        .thead(
                            .tr(
                                .th(.text("Seller")), .th(.text("Service")), .th(.text("Prices")), .th(.text("Since")),
                                .th(.text("Checked")), .th(.text("Source")))),
                        .tbody(.forEach(withPrices.prefix(40)) { offerRows($0) })))),
            .if(withPrices.count > 40, .p(.class("muted"), .text("\(withPrices.count - 40) more offers are not shown."))),
            sourceRecords()
        )
    }

    private func offerRows(_ entry: ToolIntake.OfferEntry) -> Node<HTML.TableContext> {
        .group(
            .forEach(entry.current) { price in
                .tr(
                    .td(.text(entry.offer.sellerLabel)),
                    .td(.text(service(entry.offer))),
                    .td(.text(Self.priceText(price.sheet)), pastNote(entry, dataset: price.dataset)),
                    .td(.text(price.effective_from.map { UTCDate.day($0) } ?? UTCDate.day(price.recorded_at))),
                    checkedCell(model.intake.checked(price)),
                    .td(
                        .unwrap(
                            HTMLEscaping.externalURL(entry.offer.source_url),
                            { href in .a(.href(href), .rel("nofollow noopener"), .text(Self.sourceName(price.dataset))) },
                            else: .text(Self.sourceName(price.dataset))))
                )
            })
    }

    /// The day a price was last checked, flagged "not checked since …" past the configured age.
    private func checkedCell(_ checked: Date) -> Node<HTML.TableRowContext> {
        guard Staleness.priceIsOld(checkedAt: checked, now: model.now, maxAgeDays: model.priceMaxAgeDays) else {
            return .td(.text(UTCDate.day(checked)))
        }
        return .td(.class("price-old"), .strong(.text("Not checked since \(UTCDate.day(checked))")))
    }

    /// "was $1.25 until 2026-12-03" under a price that replaced others from the same dataset.
    private func pastNote(_ entry: ToolIntake.OfferEntry, dataset: String) -> Node<HTML.BodyContext> {
        let past = entry.past.filter { $0.dataset == dataset }
        guard !past.isEmpty else { return .empty }
        return .div(
            .class("price-history muted"),
            .forEach(past.prefix(5)) { version in
                .div(.text("was \(Self.priceText(version.sheet)) until \(version.replaced_at.map { UTCDate.day($0) } ?? "")"))
            })
    }

    private func service(_ offer: OfferPrices.OfferRow) -> String {
        var text = offer.variant
        if let hours = offer.hours_utc { text += " (\(hours) UTC)" }
        return text
    }

    /// The dataset records behind the tool: which record of which dataset, since when, and
    /// whether the dataset still lists it.
    private func sourceRecords() -> Node<HTML.BodyContext> {
        let records = model.intake.records
        guard !records.isEmpty else { return .empty }
        return .details(
            .summary(.text("Dataset records (\(records.count))")),
            .ul(
                .class("source-records"),
                .forEach(records.prefix(100)) { record in
                    .li(
                        .text("\(record.dataset) record \(record.record_id), first seen \(UTCDate.day(record.first_seen))"),
                        .unwrap(record.removed_at) { removed in
                            .strong(.text(" — no longer listed by \(record.dataset) since \(UTCDate.day(removed))"))
                        },
                        .unwrap(record.model?.maxOutput) { n in .text("; max output \(n.formatted()) tokens") },
                        .unwrap(record.model?.knowledgeCutoff) { date in .text("; knowledge cutoff \(date)") },
                        .unwrap(record.model?.releaseDate) { date in .text("; released \(date)") },
                        .unwrap(record.model?.deprecationDate) { date in .text("; retiring on \(date)") },
                        .unwrap(record.model?.status) { status in .text("; status: \(status.rawValue)") })
                }))
    }

    /// "No dataset lists it any more (since …)" or "models.dev retires it on …": shown at the top.
    func sourceNotice() -> Node<HTML.BodyContext> {
        let records = model.intake.records
        guard !records.isEmpty else { return .empty }
        if records.allSatisfy({ $0.removed_at != nil }), let last = records.compactMap(\.removed_at).max() {
            return .p(
                .class("notice notice-retired"), .attribute(named: "role", value: "note"),
                .text(
                    "No public dataset lists \(tool.name) any more (since \(UTCDate.day(last))): it may be withdrawn. Its last known facts and prices are below."
                ))
        }
        let current = records.filter { $0.removed_at == nil }.compactMap(\.model)
        if let retiring = current.compactMap(\.deprecationDate).min() {
            return .p(
                .class("notice notice-retired"), .attribute(named: "role", value: "note"),
                .text(
                    "Deprecated: a seller retires \(tool.name) on \(retiring), as \(current.first { $0.deprecationDate == retiring }?.dataset.rawValue ?? "a dataset") lists it."
                ))
        }
        if current.contains(where: { $0.status == .deprecated }) {
            return .p(
                .class("notice notice-retired"), .attribute(named: "role", value: "note"),
                .text("Deprecated, as a public dataset lists it."))
        }
        return .empty
    }

    /// "$2.50 per 1M input tokens · $10.00 per 1M output tokens", tiers and free quota included.
    static func priceText(_ sheet: PriceSheet?) -> String {
        guard let sheet, !sheet.prices.isEmpty else { return "not published" }
        var parts = sheet.prices.map { price in
            var text = "\(DatasetCatalog.usd(price.amount)) \(price.unit.displayName)"
            for tier in price.tiers { text += " (\(DatasetCatalog.usd(tier.amount)) above \(tier.aboveTokens.formatted()) tokens)" }
            return text
        }
        if let free = sheet.freeQuota {
            parts.append(
                "free: \(free.quantity) \(free.unit.rawValue.replacingOccurrences(of: "_", with: " "))\(free.period.map { " per \($0)" } ?? "")"
            )
        }
        return parts.joined(separator: " · ")
    }

    /// "models.dev", or "declared by the editors" for prices from the tool's own facts.
    static func sourceName(_ label: String) -> String {
        label == OfferWriter.editorial ? "declared by the editors" : label
    }

}
