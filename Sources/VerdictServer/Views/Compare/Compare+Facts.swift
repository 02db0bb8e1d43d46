import Plot
import VerdictCore

extension Compare.View {
    /// Both tools' declared facts in one table, row by row; a fact neither declares is left out
    /// and named below. For tools that do different jobs this is the whole answer.
    func facts() -> Node<HTML.BodyContext> {
        let left = ToolShow.FactRow.rows(for: a.tool.facts)
        let right = ToolShow.FactRow.rows(for: b.tool.facts)
        let rows = zip(left, right).filter { $0.0.value != nil || $0.1.value != nil }
        let neither = zip(left, right).filter { $0.0.value == nil && $0.1.value == nil }.map(\.0.label)
        return .section(
            .class("section"), .id("facts"),
            .h2(.text("Facts side by side")),
            .div(
                .class("table-scroll"),
                .table(
                    .class("facts facts-compare"),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Fact")),
                            .th(.attribute(named: "scope", value: "col"), .text(a.tool.name)),
                            .th(.attribute(named: "scope", value: "col"), .text(b.tool.name)))),
                    .tbody(
                        .forEach(Array(rows)) { pair in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(pair.0.label)),
                                cell(pair.0), cell(pair.1))
                        }))),
            .if(
                !neither.isEmpty,
                .p(.class("facts-unknown"), .strong(.text("Declared by neither: ")), .text(neither.joined(separator: ", ") + ".")))
        )
    }

    private func cell(_ row: ToolShow.FactRow) -> Node<HTML.TableRowContext> {
        guard let value = row.value else { return .td(.class("muted"), .text("not declared")) }
        return .td(row.link.map { .a(.href($0), .rel("nofollow noopener"), .text(value)) } ?? .text(value))
    }
}
