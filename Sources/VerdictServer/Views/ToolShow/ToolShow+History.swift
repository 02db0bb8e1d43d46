import Foundation
import Plot
import VerdictCore

extension ToolShow {
    /// One take in a persona's history, with the take before it to say what changed.
    struct HistoryItem: Sendable {
        var entry: TakeHistoryEntry
        var previous: TakeHistoryEntry?

        /// What differs from the previous take: "facts changed", "prompt changed (a → b)", …
        /// Hashes and versions of different authors (rubric, model) are not comparable, so a
        /// change of author is named on its own.
        var changes: [String] {
            guard let previous else { return [] }
            if previous.source != entry.source {
                return ["author changed (\(previous.source.rawValue) → \(entry.source.rawValue))"]
            }
            var out: [String] = []
            if differ(previous.factsHash, entry.factsHash) { out.append("facts changed") }
            if differ(previous.promptVersion, entry.promptVersion) {
                out.append("prompt changed (\(previous.promptVersion ?? "?") → \(entry.promptVersion ?? "?"))")
            }
            if differ(previous.model, entry.model) {
                out.append("model changed (\(previous.model ?? "?") → \(entry.model ?? "?"))")
            }
            return out
        }

        func differ(_ a: String?, _ b: String?) -> Bool {
            guard let a, let b else { return false }
            return a != b
        }
    }

    /// A persona's takes, newest first.
    struct HistoryGroup: Sendable {
        var persona: Persona
        var items: [HistoryItem]

        var changedCount: Int { items.filter(\.entry.verdictChanged).count }

        /// Personas that have at least one earlier (superseded) take, in persona order.
        static func groups(_ history: [TakeHistoryEntry]) -> [HistoryGroup] {
            Persona.allCases.compactMap { persona in
                let entries = history.filter { $0.persona == persona }
                guard entries.contains(where: { $0.supersededAt != nil }) else { return nil }
                let items = entries.indices.map { i in
                    HistoryItem(entry: entries[i], previous: i > 0 ? entries[i - 1] : nil)
                }
                return HistoryGroup(persona: persona, items: items.reversed())
            }
        }
    }
}

extension ToolShow.View {
    static let historyID = "history"

    /// Earlier takes by persona, collapsed, with the verdicts that changed and why.
    func history() -> Node<HTML.BodyContext> {
        let groups = ToolShow.HistoryGroup.groups(model.history)
        let json = SiteURL.api(.toolHistory(tool.slug)).path
        return .section(
            .id(Self.historyID),
            .class("section history"),
            .attribute(named: "aria-labelledby", value: "history-title"),
            .h2(.id("history-title"), .text("History")),
            .p(
                .class("muted"),
                .text(
                    "A persona's take is replaced when the facts, the prompt, the model or the author change. Earlier takes stay here, newest first. "
                ),
                .a(.href(HTMLEscaping.attribute(json)), .text("History as JSON"))),
            .if(
                groups.isEmpty,
                .p(.class("history-empty"), .text("No earlier takes.")),
                else: .div(.class("history-groups"), .forEach(groups, historyGroup)))
        )
    }

    func historyGroup(_ group: ToolShow.HistoryGroup) -> Node<HTML.BodyContext> {
        let earlier = group.items.filter { $0.entry.supersededAt != nil }.count
        return .details(
            .class("history-persona"),
            .summary(
                .span(.class("history-persona-name"), .text(group.persona.displayName)),
                .span(.class("history-count"), .text(" · \(earlier) earlier \(earlier == 1 ? "take" : "takes")")),
                .if(
                    group.changedCount > 0,
                    .group(
                        .text(" "),
                        changedMarker(group.changedCount == 1 ? "Verdict changed" : "Verdict changed \(group.changedCount)×")))),
            .ol(.class("history-list"), .forEach(group.items, historyItem))
        )
    }

    func historyItem(_ item: ToolShow.HistoryItem) -> Node<HTML.ListContext> {
        let e = item.entry
        let current = e.supersededAt == nil
        let changes = item.changes
        return .li(
            .class("history-entry\(current ? " is-current" : "")"),
            .div(
                .class("history-head"),
                date(e.createdAt),
                historyBadge(e.verdict),
                .if(current, .span(.class("history-current"), .text("Current"))),
                .if(e.verdictChanged, changedMarker("Verdict changed"))
            ),
            .p(.class("history-meta"), .text(authorLine(e))),
            .if(
                !changes.isEmpty || e.verdictChanged,
                .p(.class("history-why"), .text(whyLine(item, changes: changes)))),
            .p(
                .class("history-text"),
                .if(e.verdict == "abstain", .strong(.text("Reason: "))),
                .text(Components.truncated(TextCleaning.oneLine(e.text), limit: 240)))
        )
    }

    func changedMarker(_ label: String) -> Node<HTML.BodyContext> {
        .span(.class("changed-marker"), .text(label))
    }

    /// "Since the previous take: facts changed; the verdict was Skip."
    func whyLine(_ item: ToolShow.HistoryItem, changes: [String]) -> String {
        var parts = changes
        if item.entry.verdictChanged, let was = item.previous?.verdict { parts.append("the verdict was \(verdictName(was))") }
        if parts.isEmpty { return "" }
        if changes.isEmpty, item.entry.source == .llm, item.entry.factsHash != nil, item.entry.promptVersion != nil {
            parts.insert("same facts and prompt", at: 0)
        }
        return "Since the previous take: " + parts.joined(separator: "; ") + "."
    }

    /// "llm · fake-model-1 · prompt panel-1", "rubric · rubric-1", "editorial".
    func authorLine(_ e: TakeHistoryEntry) -> String {
        var parts = [e.source.rawValue]
        if let model = e.model { parts.append(model) }
        if let version = e.promptVersion { parts.append(e.source == .llm ? "prompt \(version)" : version) }
        return parts.joined(separator: " · ")
    }

    func historyBadge(_ verdict: String) -> Node<HTML.BodyContext> {
        guard let v = Verdict(rawValue: verdict) else { return Components.abstainedBadge(showSource: false) }
        return Components.verdictBadge(v)
    }

    func verdictName(_ verdict: String) -> String {
        Verdict(rawValue: verdict).map(Components.label) ?? "Abstained"
    }

    /// yyyy-MM-dd in UTC, whatever the server's time zone.
    func date(_ date: Date?) -> Node<HTML.BodyContext> {
        guard let date else { return .span(.class("history-date"), .text("Date unknown")) }
        let day = UTCDate.day(date)
        return .element(
            named: "time",
            nodes: [
                .class("history-date"), .attribute(named: "datetime", value: day), .text(day),
            ])
    }
}
