import Foundation

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
