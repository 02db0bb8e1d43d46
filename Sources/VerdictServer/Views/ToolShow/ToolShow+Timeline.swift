import Foundation
import Plot
import VerdictCore

extension ToolShow.View {
    /// Panel ship % and community % over time as a server-drawn SVG, price steps marked on it,
    /// and the dated list of what changed and why. With changes the section is in the template and
    /// only the chart (votes move it) is a hole; without, whether there is a section at all
    /// depends on the chart, so the whole section is the hole.
    func timeline() -> Node<HTML.BodyContext> {
        guard !model.changes.isEmpty else { return hole(.timeline) }
        return timelineSection(
            list: .ol(
                .class("timeline-changes"),
                .forEach(model.changes) { event in
                    .li(
                        .span(.class("timeline-day"), .text(UTCDate.day(event.at))), .text(" "),
                        .span(.class("timeline-kind"), .text(Self.kindName(event.kind))), .text(": \(event.text)"))
                }))
    }

    /// The section around the chart and `list` (none without a chart or a list).
    func timelineSection(list: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        guard !model.changes.isEmpty || scoreTimeline != nil else { return .empty }
        return .section(.class("section"), .id("timeline"), .h2(.text("How the verdict moved")), hole(.chart), list)
    }

    var scoreTimeline: ScoreTimeline? {
        let priceSteps = model.changes.filter { $0.kind == CatalogEvents.Kind.price.rawValue }
            .map { (day: UTCDate.day($0.at), label: $0.text) }
        return ScoreTimeline(days: model.scoreDays, marks: priceSteps)
    }

    /// Panel and community ship by day, with price changes marked.
    func chart() -> Node<HTML.BodyContext> {
        .unwrap(scoreTimeline) { chart in
            .div(
                .class("chart timeline-chart"),
                timelineSVG(chart),
                .p(
                    .class("muted chart-caption"),
                    .span(.class("legend legend-panel"), .text("Panel ship %")), .text(" · "),
                    .span(.class("legend legend-community"), .text("Community ship %")), .text(" · "),
                    .span(.class("legend legend-price"), .text("price change")),
                    .text(", \(chart.firstDay) to \(chart.lastDay). A line holds its value until the day it changes.")))
        }
    }

    static func kindName(_ kind: String) -> String {
        switch CatalogEvents.Kind(rawValue: kind) {
        case .added?: "Added"
        case .price?: "Price"
        case .status?: "Status"
        case .verdict?: "Verdict"
        case nil: kind
        }
    }

    private func timelineSVG(_ chart: ScoreTimeline) -> Node<HTML.BodyContext> {
        typealias SVG = Components.SVG
        var nodes: [SVG.Body] = []
        for percent in [0, 50, 100] {
            let y = chart.y(percent: percent)
            nodes.append(SVG.line(x1: chart.left, y1: y, x2: chart.endX, y2: y, class: "chart-grid"))
            nodes.append(SVG.text("\(percent)%", x: chart.left - 4, y: y + 4, anchor: "end", class: "chart-axis"))
        }
        for mark in chart.marks {
            nodes.append(
                SVG.group(
                    title: "\(mark.day): \(mark.label)", class: "timeline-price",
                    [SVG.line(x1: mark.x, y1: chart.top, x2: mark.x, y2: chart.y(percent: 0), class: "timeline-price-mark")]))
        }
        for (points, name, label) in [(chart.community, "community", "Community"), (chart.panel, "panel", "Panel ship")]
        where !points.isEmpty {
            nodes.append(SVG.polyline(chart.stepPath(points), class: "timeline-line timeline-\(name)"))
            for p in points {
                nodes.append(
                    SVG.group(
                        title: "\(p.day): \(label) \(p.value)%", class: "timeline-point",
                        [SVG.circle(cx: p.x, cy: p.y, r: 3.5, class: "timeline-dot timeline-\(name)")]))
            }
        }
        nodes.append(SVG.text(chart.firstDay, x: chart.left, y: chart.height - 6, class: "chart-axis"))
        if chart.lastDay != chart.firstDay {
            nodes.append(SVG.text(chart.lastDay, x: chart.endX, y: chart.height - 6, anchor: "end", class: "chart-axis"))
        }
        return SVG.svg(
            width: chart.width, height: chart.height, class: "timeline-svg",
            label: "Panel ship and community ship percentages of \(tool.name) over time", nodes)
    }
}
