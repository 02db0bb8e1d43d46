import Foundation
import Plot
import VerdictCore

extension LeaderboardPage {
    /// The ranked tools as a forest plot: per row, the tool's name, a line across its 95%
    /// interval and a dot at its strength, all on one shared axis, with a band and a label per
    /// tier. Drawn as SVG on the server (the CSP allows no scripts or inline styles) in two
    /// layouts, and CSS shows the one that fits: wide (name left of its line) and narrow (name
    /// above its line, for phones, with no sideways scrolling). The table under it carries the
    /// same numbers for anyone who cannot see it.
    struct Chart {
        let entries: [LeaderboardEntry]
        /// A tool's display name by slug.
        let name: (String) -> String

        /// Geometry in viewBox units; the SVG scales with its container.
        struct Layout {
            let name: String
            let width: Double
            let plotLeft: Double
            let plotRight: Double
            let rowHeight: Double
            /// Whether the name sits on its own line above the interval (narrow screens).
            let stacked: Bool

            static let wide = Layout(
                name: "wide", width: 760, plotLeft: 212, plotRight: 664, rowHeight: 30, stacked: false)
            static let narrow = Layout(
                name: "narrow", width: 360, plotLeft: 14, plotRight: 346, rowHeight: 46, stacked: true)
        }

        static let top = 8.0
        static let axisHeight = 44.0

        func node() -> Node<HTML.BodyContext> {
            let label =
                "Strength and 95% interval of \(entries.count) ranked \(entries.count == 1 ? "tool" : "tools"); the table below lists the numbers."
            // Plot has no <figure>; a custom element keeps the caption tied to the chart.
            return .element(
                named: "figure",
                nodes: [
                    .class("chart"),
                    .div(
                        .class("chart-scroll"),
                        .group(
                            [Layout.wide, .narrow].map { layout in
                                Drawing(chart: self, layout: layout).svg(label: label)
                            })
                    ),
                    .element(
                        named: "figcaption",
                        nodes: [
                            .class("chart-caption"),
                            .text(
                                "Dot: fitted strength. Line: 95% bootstrap interval. 0 is the average ranked tool; +1 means e ≈ 2.7 : 1 odds of being picked over it."
                            ),
                        ]),
                ])
        }

        /// The axis: every interval and 0, widened to whole ticks.
        var scale: (low: Double, high: Double, step: Double) {
            var low = min(entries.map(\.low).min() ?? 0, 0)
            var high = max(entries.map(\.high).max() ?? 0, 0)
            if high - low < 1 {
                let mid = (high + low) / 2
                (low, high) = (mid - 0.5, mid + 0.5)
            }
            let step = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10].first { (high - low) / $0 <= 8 } ?? 20
            return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
        }

        /// Just enough decimals for tick labels: 1 for a step of 1, "0.5" for 0.5, "0.25" for 0.25.
        func decimals(_ step: Double) -> Int {
            (0...2).first { d in
                let factor = pow(10, Double(d))
                return abs((step * factor).rounded() - step * factor) < 1e-9
            } ?? 2
        }
    }

    /// How strengths read on the page: fixed precision and a real minus sign.
    enum Strength {
        /// "+0.42", "−0.31", "0.00".
        static func signed(_ value: Double, decimals: Int = 2) -> String {
            let text = String(format: "%.\(decimals)f", abs(value))
            guard Double(text) != 0 else { return text }
            return (value < 0 ? "−" : "+") + text
        }

        /// "−0.10 to +0.95".
        static func interval(_ entry: LeaderboardEntry) -> String {
            "\(signed(entry.low)) to \(signed(entry.high))"
        }
    }

    enum Tiers {
        /// Alternating shades tell neighbouring tiers apart, in the chart and in the table.
        static func parity(_ tier: Int) -> String { tier % 2 == 1 ? "tier-odd" : "tier-even" }
    }
}
