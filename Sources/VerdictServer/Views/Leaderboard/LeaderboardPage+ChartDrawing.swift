import Foundation
import Plot
import VerdictCore

extension LeaderboardPage.Chart {
    /// The chart drawn in one layout.
    struct Drawing {
        let chart: LeaderboardPage.Chart
        let layout: Layout

        typealias Top = LeaderboardPage.Chart
        typealias Strength = LeaderboardPage.Strength

        var entries: [LeaderboardEntry] { chart.entries }
        var rowsBottom: Double { Top.top + Double(entries.count) * layout.rowHeight }
        var height: Double { rowsBottom + Top.axisHeight }

        func svg(label: String) -> Node<HTML.BodyContext> {
            Components.SVG.svg(
                width: layout.width, height: height, class: "leaderboard-chart chart-\(layout.name)", label: label,
                bands() + grid() + entries.enumerated().map(row))
        }

        func x(_ value: Double) -> Double {
            let s = chart.scale
            return layout.plotLeft + (value - s.low) / (s.high - s.low) * (layout.plotRight - layout.plotLeft)
        }

        func rowTop(_ row: Int) -> Double { Top.top + Double(row) * layout.rowHeight }

        /// Where a row's interval line runs: mid-row beside the name, or under the name when stacked.
        func lineY(row: Int) -> Double { rowTop(row) + (layout.stacked ? 32 : layout.rowHeight / 2) }

        /// The baseline of a row's name and of its tier label.
        func labelY(row: Int) -> Double { layout.stacked ? rowTop(row) + 17 : lineY(row: row) + 4.5 }

        /// One shaded band per tier, alternating, with "Tier n" at the right of its first row.
        func bands() -> [Node<HTML.BodyContext>] {
            var nodes: [Node<HTML.BodyContext>] = []
            var start = 0
            while start < entries.count {
                let tier = entries[start].tier
                let end = entries[start...].firstIndex { $0.tier != tier } ?? entries.count
                nodes.append(
                    Components.SVG.rect(
                        x: 0, y: rowTop(start), width: layout.width,
                        height: Double(end - start) * layout.rowHeight,
                        class: "chart-band \(LeaderboardPage.Tiers.parity(tier))"))
                nodes.append(
                    Components.SVG.text(
                        "Tier \(tier)", x: layout.width - 18, y: labelY(row: start),
                        anchor: "end", class: "chart-tier"))
                start = end
            }
            return nodes
        }

        /// Vertical grid lines with their values under the rows, a stronger line at 0, and the
        /// axis title.
        func grid() -> [Node<HTML.BodyContext>] {
            let s = chart.scale
            let count = Int(((s.high - s.low) / s.step).rounded())
            let ticks = (0...count).map { s.low + Double($0) * s.step }
            let lines = ticks.flatMap { tick -> [Node<HTML.BodyContext>] in
                let isZero = abs(tick) < s.step / 1000
                return [
                    Components.SVG.line(
                        x1: x(tick), y1: Top.top, x2: x(tick), y2: rowsBottom,
                        class: isZero ? "chart-zero" : "chart-grid"),
                    Components.SVG.text(
                        isZero ? "0" : Strength.signed(tick, decimals: chart.decimals(s.step)),
                        x: x(tick), y: rowsBottom + 16, anchor: "middle", class: "chart-tick"),
                ]
            }
            let title = Components.SVG.text(
                layout.stacked ? "Strength (log scale; 0 = average)" : "Strength (log scale; 0 = average ranked tool)",
                x: (layout.plotLeft + layout.plotRight) / 2, y: rowsBottom + 36, anchor: "middle",
                class: "chart-axis-title")
            return lines + [title]
        }

        /// "1. Name", the interval line and the strength dot, with a tooltip giving the numbers
        /// (the table repeats them, so nothing depends on hovering).
        func row(_ index: Int, _ entry: LeaderboardEntry) -> Node<HTML.BodyContext> {
            let name = chart.name(entry.slug)
            let cy = lineY(row: index)
            let title =
                "\(entry.rank). \(name): strength \(Strength.signed(entry.strength)), "
                + "95% interval \(Strength.interval(entry)), tier \(entry.tier)"
            let label = Components.SVG.text(
                "\(entry.rank). \(Components.truncated(name, limit: layout.stacked ? 32 : 26))",
                x: layout.stacked ? layout.plotLeft : layout.plotLeft - 16, y: labelY(row: index),
                anchor: layout.stacked ? "start" : "end", class: "chart-label")
            return Components.SVG.group(
                title: title, class: "chart-row",
                [
                    label,
                    Components.SVG.line(x1: x(entry.low), y1: cy, x2: x(entry.high), y2: cy, class: "chart-interval"),
                    Components.SVG.line(
                        x1: x(entry.low), y1: cy - 5, x2: x(entry.low), y2: cy + 5, class: "chart-interval"),
                    Components.SVG.line(
                        x1: x(entry.high), y1: cy - 5, x2: x(entry.high), y2: cy + 5, class: "chart-interval"),
                    Components.SVG.circle(cx: x(entry.strength), cy: cy, r: 5.5, class: "chart-point"),
                ])
        }
    }
}
