import Foundation
import Plot

extension Components {
    /// Inline SVG drawn on the server. The CSP forbids inline styles, so charts cannot size
    /// `<div>`s with `style="width: …"`; geometry lives in SVG attributes and colour in site.css.
    /// Every value here is a number or a constant; names go in as escaped text nodes.
    enum SVG {
        typealias Body = Node<HTML.BodyContext>

        /// An `<svg>` that scales with its box; `label` names it for screen readers.
        static func svg(
            width: Double, height: Double, class name: String, label: String,
            stretch: Bool = false, _ nodes: [Body]
        ) -> Body {
            .element(
                named: "svg",
                nodes: [
                    .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
                    .attribute(named: "viewBox", value: "0 0 \(number(width)) \(number(height))"),
                    .attribute(named: "class", value: name),
                    .attribute(named: "role", value: "img"),
                    .attribute(named: "aria-label", value: HTMLEscaping.attribute(label)),
                    stretch ? .attribute(named: "preserveAspectRatio", value: "none") : .empty,
                    .group(nodes),
                ])
        }

        static func rect(x: Double, y: Double, width: Double, height: Double, class name: String) -> Body {
            .element(
                named: "rect",
                nodes: [
                    .attribute(named: "x", value: number(x)), .attribute(named: "y", value: number(y)),
                    .attribute(named: "width", value: number(max(width, 0))),
                    .attribute(named: "height", value: number(max(height, 0))),
                    .attribute(named: "class", value: name),
                ])
        }

        static func line(x1: Double, y1: Double, x2: Double, y2: Double, class name: String) -> Body {
            .element(
                named: "line",
                nodes: [
                    .attribute(named: "x1", value: number(x1)), .attribute(named: "y1", value: number(y1)),
                    .attribute(named: "x2", value: number(x2)), .attribute(named: "y2", value: number(y2)),
                    .attribute(named: "class", value: name),
                ])
        }

        static func circle(cx: Double, cy: Double, r: Double, class name: String) -> Body {
            .element(
                named: "circle",
                nodes: [
                    .attribute(named: "cx", value: number(cx)), .attribute(named: "cy", value: number(cy)),
                    .attribute(named: "r", value: number(r)), .attribute(named: "class", value: name),
                ])
        }

        /// `anchor` is `start`, `middle` or `end`.
        static func text(_ text: String, x: Double, y: Double, anchor: String = "start", class name: String) -> Body {
            .element(
                named: "text",
                nodes: [
                    .attribute(named: "x", value: number(x)), .attribute(named: "y", value: number(y)),
                    .attribute(named: "text-anchor", value: anchor),
                    .attribute(named: "class", value: name),
                    .text(text),
                ])
        }

        /// A group with a `<title>`, which browsers show as a tooltip.
        static func group(title: String, class name: String, _ nodes: [Body]) -> Body {
            .element(
                named: "g",
                nodes: [
                    .attribute(named: "class", value: name),
                    .element(named: "title", nodes: [.text(title)]),
                    .group(nodes),
                ])
        }

        /// `points` is SVG points text built from numbers only ("10,20 30,40").
        static func polyline(_ points: String, class name: String) -> Body {
            .element(
                named: "polyline",
                nodes: [.attribute(named: "points", value: points), .attribute(named: "class", value: name)])
        }

        /// Two decimals, never "-0.00", in any locale; integer arithmetic, since a year's
        /// timeline writes some 700 of them per render.
        static func number(_ v: Double) -> String {
            let scaled = (v.isFinite ? v : 0) * 100
            // Near a half the product's own rounding can tip the result: printf decides those.
            guard abs(scaled) < 1e9, abs(abs(scaled - scaled.rounded(.down)) - 0.5) > 1e-6 else {
                let s = String(format: "%.2f", v.isFinite ? v : 0)
                return s == "-0.00" ? "0.00" : s
            }
            let n = Int(scaled.rounded())
            let (whole, cents) = (abs(n) / 100, abs(n) % 100)
            return (n < 0 ? "-" : "") + String(whole) + (cents < 10 ? ".0" : ".") + String(cents)
        }
    }
}
