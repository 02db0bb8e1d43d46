import Foundation
import Plot
import VerdictCore

/// "What would it cost you?": the workload form (a GET form, so the URL can be shared; no
/// JavaScript) and each tool's monthly cost with the offer chosen and the arithmetic.
struct CostView: Sendable {
    struct Row: Sendable {
        var tool: Tool
        var estimate: CostEstimate
    }

    static let defaultPreset = UsagePreset.all[1]

    var usage: UsageProfile
    var preset: UsagePreset?
    /// The reader gave a workload (else the default preset is shown).
    var asked: Bool
    /// The page the form submits to.
    var action: String
    var estimates: [Row]

    /// Without a workload of the reader's, the default preset is shown only where it prices a tool
    /// (a text workload means nothing for two image models).
    var showsResults: Bool {
        asked || estimates.contains { if case .priced = $0.estimate.status { true } else { false } }
    }

    func section() -> Node<HTML.BodyContext> {
        .section(
            .class("section card cost"), .id("cost"),
            .h2(.text(estimates.count == 1 ? "What would \(estimates[0].tool.name) cost you?" : "What would it cost you?")),
            .if(
                showsResults,
                .group(
                    .p(
                        .class("muted"),
                        .text(
                            "\(asked ? "Your workload" : "Workload: the \(preset?.id ?? "") preset") — \(UsageText.describe(usage)). Each tool is priced with its cheapest published offer that covers the whole month, free quotas applied; the arithmetic is below."
                        )),
                    .div(.class(estimates.count == 1 ? "grid" : "grid grid-2"), .forEach(estimates) { row in result(row) })),
                else: .p(
                    .text("Enter your monthly use below to price \(estimates.count == 1 ? "it" : "both tools") from the published offers."))
            ),
            form()
        )
    }

    private func result(_ row: Row) -> Node<HTML.BodyContext> {
        let e = row.estimate
        return .div(
            .class("cost-result"),
            .h3(.text(row.tool.name)),
            {
                switch e.status {
                case .priced:
                    return .group(
                        .p(.class("cost-total"), .strong(.text(e.total.map(CostEstimate.money) ?? "")), .text(" a month")),
                        .unwrap(e.quote) { q in
                            .p(
                                .class("muted"),
                                .text(
                                    "\(q.offer.sellerName ?? q.offer.seller), \(q.offer.variant.rawValue) · price since \(UTCDate.day(q.effectiveFrom ?? q.checkedAt)), checked \(UTCDate.day(q.checkedAt)) · source: \(q.source == OfferWriter.editorial ? "declared by the editors" : q.source)"
                                ),
                                .unwrap(HTMLEscaping.externalURL(q.offer.sourceURL)) { href in
                                    .group(.text(" · "), .a(.href(href), .rel("nofollow noopener"), .text("price page")))
                                })
                        },
                        .ul(.class("cost-lines"), .forEach(e.lines) { .li(.text($0.text)) }),
                        .if(e.matching > 1, .p(.class("muted"), .text("Cheapest of \(e.matching) offers that cover this month."))),
                        .forEach(e.notes) { .p(.class("muted"), .text("Note: \($0).")) })
                case .unpublished:
                    return .p(
                        .text(
                            row.tool.entry == .free
                                ? "Free: no seller charges for it per unit; you pay only for your own compute."
                                : "No published price: the vendor does not list one (contact sales). We do not guess."))
                case .noMatchingOffer(let missing):
                    return .p(
                        .text(
                            "No published offer prices all of this month: nothing for \(missing.map { CostEstimate.nounPublic($0) }.joined(separator: ", ")). Its other prices are on its page."
                        ))
                }
            }()
        )
    }

    private func form() -> Node<HTML.BodyContext> {
        func number(_ name: String, _ label: String, _ value: Int) -> Node<HTML.FormContext> {
            .div(
                .class("field"),
                .label(.for("cost-\(name)"), .text(label)),
                .input(
                    .type(.number), .id("cost-\(name)"), .name(name), .attribute(named: "min", value: "0"),
                    .attribute(named: "step", value: "1"), .value(value > 0 ? String(value) : "")))
        }
        return .details(
            .attribute(named: "open", value: asked || !showsResults ? "open" : ""),
            .summary(.text("Change the workload")),
            .form(
                .class("cost-form"), .method(.get), .action(HTMLEscaping.attribute(action + "#cost")),
                .div(
                    .class("field"),
                    .label(.for("cost-preset"), .text("Start from a preset")),
                    .select(
                        .id("cost-preset"), .attribute(named: "name", value: "preset"),
                        .option(.value(""), .label("None: only my numbers"), .isSelected(preset == nil)),
                        .forEach(UsagePreset.all) { p in
                            .option(
                                .value(p.id), .label(HTMLEscaping.attribute("\(p.name) — \(p.summary)")), .isSelected(p.id == preset?.id))
                        })),
                number("input_tokens", "Input tokens a month", asked ? usage.inputTokens : 0),
                number("output_tokens", "Output tokens a month", asked ? usage.outputTokens : 0),
                .div(
                    .class("field"),
                    .label(.for("cost-cached"), .text("Share of input from cache (0–1)")),
                    .input(
                        .type(.text), .id("cost-cached"), .name("cached_input_share"), .attribute(named: "inputmode", value: "decimal"),
                        .value(asked && usage.cachedInputShare > 0 ? HTMLEscaping.attribute("\(usage.cachedInputShare)") : ""))),
                number("images", "Images", asked ? usage.images : 0),
                number("audio_seconds", "Seconds of audio", asked ? usage.audioSeconds : 0),
                number("video_seconds", "Seconds of video", asked ? usage.videoSeconds : 0),
                number("seats", "Seats", asked ? usage.seats : 0),
                number("requests", "Requests", asked ? usage.requests : 0),
                .div(
                    .class("field"),
                    .label(
                        .input(.type(.checkbox), .name("batch"), .value("true"), .checked(asked && usage.batch)),
                        .text(" Batch jobs are fine"))),
                .button(.type(.submit), .text("Price it"))),
            .p(
                .class("muted"),
                .text("Explicit numbers override the preset's. The same parameters work on the JSON API: /api/v1/cost?tools=…"))
        )
    }

}

extension CostView {
    /// Each tool priced for `usage` from its offers, for a page whose workload form submits to
    /// `action`.
    init(
        pricing tools: [(tool: Tool, quotes: [OfferQuote])], usage: UsageProfile, preset: UsagePreset?, asked: Bool, action: String
    ) {
        self.init(
            usage: usage, preset: preset, asked: asked, action: action,
            estimates: tools.map { Row(tool: $0.tool, estimate: CostEstimate.estimate(usage, quotes: $0.quotes)) })
    }
}
