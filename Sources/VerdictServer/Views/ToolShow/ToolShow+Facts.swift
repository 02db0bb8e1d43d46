import Foundation
import VerdictCore

extension ToolShow {
    /// One declared fact in words a reader understands; `value` is nil when it is unknown.
    struct FactRow: Sendable {
        var label: String
        var value: String?
        /// An escaped http(s) URL when the value is one, so it can be linked.
        var link: String?

        init(_ label: String, _ value: String?, link: String? = nil) {
            self.label = label
            self.value = value
            self.link = link
        }

        /// Every fact a tool can declare, in the order the panel weighs them.
        static func rows(for f: ToolFacts) -> [FactRow] {
            [
                FactRow("Public HTTP API", f.api.map(yesNo)),
                FactRow("Official SDKs", f.sdks.map(list)),
                FactRow("Documentation", f.docsURL, link: HTMLEscaping.externalURL(f.docsURL)),
                FactRow("Time to first result", f.quickstartMinutes.map { "\($0) min" }),
                FactRow("Licence", f.license),
                FactRow("Open weights", f.openWeights.map(yesNo)),
                FactRow("Self-hostable", f.selfHostable.map(yesNo)),
                FactRow("Rate limits published", f.rateLimitsPublished.map(yesNo)),
                FactRow("Release status", f.status.map(statusName)),
                FactRow("Modalities", f.modalities.map(list)),
                FactRow("Generates", f.outputModalities.map(list)),
                FactRow("Context window", f.contextWindow.map { "\(grouped($0)) tokens" }),
                FactRow("Direct competitors", f.competitors.map(list)),
                FactRow("Benchmarks published (method and numbers)", f.benchmarksPublished.map(yesNo)),
                FactRow("Backing", f.backing.map(backingName)),
                FactRow("Lock-in", f.lockIn.map { $0.rawValue.capitalized }),
                FactRow("Launched", f.launched),
                FactRow("The bet", f.bet),
                FactRow("Pricing model", f.pricingModel.map(pricingName)),
                FactRow("Prices published", f.pricingPublished.map(yesNo)),
                FactRow("Free tier", f.freeTier.map(yesNo)),
                FactRow("Input price", f.inputPricePerMTok.map { "\(usd($0)) per 1M tokens" }),
                FactRow("Output price", f.outputPricePerMTok.map { "\(usd($0)) per 1M tokens" }),
                FactRow("Price note", f.priceNote),
                FactRow("Enterprise (SSO, audit logs, compliance)", f.enterprise.map(yesNo)),
            ]
        }

        static func yesNo(_ b: Bool) -> String { b ? "Yes" : "No" }
        static func list(_ items: [String]) -> String { items.joined(separator: ", ") }

        static func statusName(_ s: ReleaseStatus) -> String {
            switch s {
            case .ga: "Generally available"
            case .beta: "Beta"
            case .preview: "Preview"
            case .waitlist: "Waitlist"
            case .deprecated: "Deprecated"
            }
        }

        static func backingName(_ b: Backing) -> String {
            switch b {
            case .bigTech: "Big tech"
            case .venture: "Venture-funded"
            case .openCommunity: "Open community"
            case .independent: "Independent"
            }
        }

        static func pricingName(_ p: PricingModel) -> String {
            switch p {
            case .perToken: "Per token"
            case .perSeat: "Per seat"
            case .perSecond: "Per second of output"
            case .perImage: "Per image"
            case .perCredit: "Credits"
            case .subscription: "Subscription"
            case .free: "Free"
            case .contact: "On request"
            }
        }

        /// 1048576 → "1,048,576", independent of the server's locale.
        static func grouped(_ n: Int) -> String {
            let digits = String(n.magnitude)
            var out = ""
            for (i, ch) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            return (n < 0 ? "-" : "") + out
        }

        /// "$0.30", "$0.075", "$15.00": cents, and a third decimal only where a price has one.
        static func usd(_ v: Double) -> String {
            let s = String(format: "%.3f", v)
            return "$" + (s.hasSuffix("0") ? String(s.dropLast()) : s)
        }
    }
}
