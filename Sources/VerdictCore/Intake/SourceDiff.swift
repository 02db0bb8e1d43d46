import Foundation

/// What a dataset snapshot changes against what the last sync of that dataset stored, by the
/// dataset's own record id: records added, changed (their fingerprint differs), removed (stored,
/// no longer published) and unchanged. Unchanged records are only counted: nothing is written for them.
public struct SourceDiff: Sendable, Equatable {
    /// What the last sync left for one record id.
    public struct Stored: Sendable, Hashable {
        public var fingerprint: String
        /// True when the record had already disappeared from the dataset.
        public var removed: Bool

        public init(fingerprint: String, removed: Bool = false) {
            self.fingerprint = fingerprint
            self.removed = removed
        }
    }

    public var added: [SourceModel] = []
    public var changed: [SourceModel] = []
    /// Record ids the dataset no longer lists, sorted.
    public var removed: [String] = []
    public var unchanged = 0

    public init() {}

    /// Nothing to write.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    /// `fingerprint` is the stored form of a record's `fingerprintJSON` (the server hashes it).
    /// A record that had been removed and comes back counts as added. Records in `kept` (published
    /// but unreadable this time: an absurd value left out with `--skip-invalid`) are neither
    /// changed nor removed: what was stored for them stays.
    public static func compute(
        stored: [String: Stored], incoming: [SourceModel], kept: Set<String> = [], fingerprint: (SourceModel) -> String
    ) -> SourceDiff {
        var diff = SourceDiff()
        var seen = Set<String>()
        for model in incoming where seen.insert(model.recordID).inserted {
            guard let old = stored[model.recordID], !old.removed else {
                diff.added.append(model)
                continue
            }
            if old.fingerprint == fingerprint(model) { diff.unchanged += 1 } else { diff.changed.append(model) }
        }
        diff.removed = stored.filter { !$0.value.removed && !seen.contains($0.key) && !kept.contains($0.key) }.map(\.key).sorted()
        return diff
    }

    /// "3 added, 1 changed, 2 removed, 5,270 unchanged".
    public var line: String {
        "\(added.count) added, \(changed.count) changed, \(removed.count) removed, \(unchanged) unchanged"
    }
}
