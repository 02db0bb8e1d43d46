import Foundation

/// When a verdict or a price can no longer be trusted as current.
public enum Staleness {
    /// A take judged the facts whose hash it records. When the tool's facts (a price, the
    /// licence, a claim's check, …) have changed since, the take is stale from the moment they
    /// changed until the panel re-runs. Rubric takes are rewritten in the transaction that
    /// changes the facts, so they are never stale; a take without a recorded hash (imported
    /// before hashes existed) cannot be judged and is not flagged.
    public static func takeStaleSince(
        takeFactsHash: String?, source: TakeSource, toolFactsHash: String, factsChangedAt: Date?
    ) -> Date? {
        guard source != .rubric, let takeFactsHash, takeFactsHash != toolFactsHash else { return nil }
        return factsChangedAt ?? .distantPast
    }

    /// A price last checked more than `maxAgeDays` days before `now` is flagged "not checked
    /// since". Ages are counted in UTC days, as the page writes the date: a price checked on
    /// 11-01 is old from 12-02 on with 30 days (so a page's offers change only with the day).
    public static func priceIsOld(checkedAt: Date, now: Date, maxAgeDays: Int) -> Bool {
        UTCDate.dayNumber(now) - UTCDate.dayNumber(checkedAt) > maxAgeDays
    }
}
