import Foundation
import Plot

/// A page rendered once with marked holes where the reader, the votes or the clock decide what
/// shows, then filled per render: the bytes between the holes are copied, only the holes are
/// rendered again. A page's view renders a mark (`mark(_:)`) in place of each hole when it
/// builds the template, and the same sections in full otherwise; tests require a filled
/// template to equal the page rendered in full.
struct PageTemplate: Sendable {
    enum Piece: Sendable {
        case bytes(String)
        case hole(Int)
    }

    let pieces: [Piece]
    /// The bytes between the holes.
    let size: Int
    /// The holes the page has (a view may leave some out, as an empty list leaves its section).
    let holes: Set<Int>

    /// The random part of every mark in this process: marks are letters and digits (nothing
    /// escapes them) that no vendor or reader text can forge, since it is never shown.
    private static let nonce = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    private static let prefix = "vhole\(nonce)n"

    /// What a view renders in place of hole `index` when it builds a template.
    static func mark(_ index: Int) -> String { "\(prefix)\(index)e" }

    /// Splits a page rendered with marks into its bytes and holes.
    init(marked page: String) {
        var pieces: [Piece] = []
        var rest = Substring(page)
        while let found = rest.range(of: Self.prefix) {
            if found.lowerBound > rest.startIndex { pieces.append(.bytes(String(rest[..<found.lowerBound]))) }
            let digits = rest[found.upperBound...].prefix { $0.isASCII && $0.isNumber }
            guard let index = Int(digits), rest[digits.endIndex...].first == "e" else {
                pieces.append(.bytes(String(rest[found])))
                rest = rest[found.upperBound...]
                continue
            }
            pieces.append(.hole(index))
            rest = rest[rest.index(after: digits.endIndex)...]
        }
        if !rest.isEmpty { pieces.append(.bytes(String(rest))) }
        self.pieces = pieces
        self.holes = Set(pieces.compactMap { if case .hole(let index) = $0 { index } else { nil } })
        self.size = pieces.reduce(0) { if case .bytes(let s) = $1 { $0 + s.utf8.count } else { $0 } }
    }

    /// The page with each hole filled by its value (a hole without one is left empty).
    func fill(_ values: [Int: String]) -> String {
        var out = ""
        out.reserveCapacity(size + values.values.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces {
            switch piece {
            case .bytes(let text): out += text
            case .hole(let index): out += values[index] ?? ""
            }
        }
        return out
    }

}

/// A page view that renders through a `PageTemplate`: its `Hole`s are the sections that change
/// per render, everything else is rendered once into the template.
protocol TemplatedView {
    associatedtype Hole: RawRepresentable<Int>, CaseIterable, Hashable
    /// Render a mark in place of each hole, to make the template.
    var marksHoles: Bool { get set }
    func document() -> HTML
    /// A body section that is a hole, rendered in full.
    func section(_ hole: Hole) -> Node<HTML.BodyContext>
    /// A hole's bytes as the full page renders them (by default its section, rendered).
    func fill(_ hole: Hole) -> String
}

extension TemplatedView {
    func fill(_ hole: Hole) -> String { section(hole).render() }

    /// Where a hole goes in the body: its mark when making the template, else the section.
    func hole(_ hole: Hole) -> Node<HTML.BodyContext> {
        marksHoles ? .raw(PageTemplate.mark(hole.rawValue)) : section(hole)
    }

    /// The page with marks for holes: rendered once per change of its data.
    func template() -> PageTemplate {
        var marking = self
        marking.marksHoles = true
        return PageTemplate(marked: marking.document().render())
    }

    /// The page, from its template with each of its holes rendered for this view's model, except
    /// those given already rendered in `kept`.
    func page(from template: PageTemplate, kept: [Hole: String] = [:]) -> String {
        let holes = Hole.allCases.filter { template.holes.contains($0.rawValue) }
        return template.fill(Dictionary(uniqueKeysWithValues: holes.map { ($0.rawValue, kept[$0] ?? fill($0)) }))
    }
}
