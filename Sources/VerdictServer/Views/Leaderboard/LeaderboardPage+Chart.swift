import Foundation
import Plot
import VerdictCore

extension LeaderboardPage {
    /// The ranked tools as a forest plot: per row, the tool's name, a line across its 95%
    /// interval and a dot at its strength, all on one shared axis, with a band and a label per
    /// tier. Drawn as SVG on the server (the CSP allows no scripts or inline styles); the table
    /// under it carries the same numbers for anyone who cannot see it.
    struct Chart {
        let entries: [LeaderboardEntry]
        /// A tool's display name by slug.
        let name: (String) -> String

        // Geometry in viewBox units; the SVG scales with its container.
        static let width = 760.0
        static let labelRight = 196.0
        static let plotLeft = 212.0
        static let plotRight = 664.0
        static let tierLeft = 676.0
        static let rowHeight = 30.0
        static let top = 8.0
        static let axisHeight = 44.0

        var rowsBottom: Double { Self.top + Double(entries.count) * Self.rowHeight }
        var height: Double { rowsBottom + Self.axisHeight }

        func node() -> Node<HTML.BodyContext> {
            // Plot has no <figure>; a custom element keeps the caption tied to the chart.
            .element(
                named: "figure",
                nodes: [
                    .class("chart"),
                    .div(
                        .class("chart-scroll"),
                        Components.SVG.svg(
                            width: Self.width, height: height, class: "leaderboard-chart",
                            label:
                                "Strength and 95% interval of \(entries.count) ranked \(entries.count == 1 ? "tool" : "tools"); the table below lists the numbers.",
                            bands() + grid() + entries.enumerated().map(row))
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

        // MARK: Scale

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

        func x(_ value: Double) -> Double {
            let s = scale
            return Self.plotLeft + (value - s.low) / (s.high - s.low) * (Self.plotRight - Self.plotLeft)
        }

        func y(row: Int) -> Double { Self.top + (Double(row) + 0.5) * Self.rowHeight }

        // MARK: Parts

        /// One shaded band per tier, alternating, with "Tier n" at the right of its first row.
        func bands() -> [Node<HTML.BodyContext>] {
            var nodes: [Node<HTML.BodyContext>] = []
            var start = 0
            while start < entries.count {
                let tier = entries[start].tier
                let end = entries[start...].firstIndex { $0.tier != tier } ?? entries.count
                nodes.append(
                    Components.SVG.rect(
                        x: 0, y: Self.top + Double(start) * Self.rowHeight, width: Self.width,
                        height: Double(end - start) * Self.rowHeight, class: "chart-band \(Tiers.parity(tier))"))
                nodes.append(
                    Components.SVG.text(
                        "Tier \(tier)", x: Self.tierLeft, y: y(row: start) + 4, class: "chart-tier"))
                start = end
            }
            return nodes
        }

        /// Vertical grid lines with their values under the rows, a stronger line at 0, and the
        /// axis title.
        func grid() -> [Node<HTML.BodyContext>] {
            let s = scale
            let count = Int(((s.high - s.low) / s.step).rounded())
            let ticks = (0...count).map { s.low + Double($0) * s.step }
            let lines = ticks.flatMap { tick -> [Node<HTML.BodyContext>] in
                let isZero = abs(tick) < s.step / 1000
                return [
                    Components.SVG.line(
                        x1: x(tick), y1: Self.top, x2: x(tick), y2: rowsBottom,
                        class: isZero ? "chart-zero" : "chart-grid"),
                    Components.SVG.text(
                        isZero ? "0" : Strength.signed(tick, decimals: decimals(s.step)),
                        x: x(tick), y: rowsBottom + 16, anchor: "middle", class: "chart-tick"),
                ]
            }
            let title = Components.SVG.text(
                "Strength (log scale; 0 = average ranked tool)",
                x: (Self.plotLeft + Self.plotRight) / 2, y: rowsBottom + 36, anchor: "middle", class: "chart-axis-title")
            return lines + [title]
        }

        /// Just enough decimals for tick labels: 1 for a step of 1, "0.5" for 0.5, "0.25" for 0.25.
        func decimals(_ step: Double) -> Int {
            (0...2).first { d in
                let factor = pow(10, Double(d))
                return abs((step * factor).rounded() - step * factor) < 1e-9
            } ?? 2
        }

        /// "1. Name", the interval line and the strength dot, with a tooltip giving the numbers.
        func row(_ index: Int, _ entry: LeaderboardEntry) -> Node<HTML.BodyContext> {
            let name = name(entry.slug)
            let cy = y(row: index)
            let title =
                "\(entry.rank). \(name): strength \(Strength.signed(entry.strength)), "
                + "95% interval \(Strength.interval(entry)), tier \(entry.tier)"
            return Components.SVG.group(
                title: title, class: "chart-row",
                [
                    Components.SVG.text(
                        "\(entry.rank). \(Components.truncated(name, limit: 26))",
                        x: Self.labelRight, y: cy + 4.5, anchor: "end", class: "chart-label"),
                    Components.SVG.line(x1: x(entry.low), y1: cy, x2: x(entry.high), y2: cy, class: "chart-interval"),
                    Components.SVG.line(x1: x(entry.low), y1: cy - 5, x2: x(entry.low), y2: cy + 5, class: "chart-interval"),
                    Components.SVG.line(x1: x(entry.high), y1: cy - 5, x2: x(entry.high), y2: cy + 5, class: "chart-interval"),
                    Components.SVG.circle(cx: x(entry.strength), cy: cy, r: 5.5, class: "chart-point"),
                ])
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
