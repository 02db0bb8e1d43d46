import Foundation
import VerdictCore

/// How the catalog takes in the public datasets.
public struct IntakeSettings: Sendable {
    /// `VERDICT_SOURCES`: the datasets to sync; empty syncs nothing.
    public var sources = SourceList([])
    /// `VERDICT_SYNC_HOURS`: hours between two syncs of a source (default 24).
    public var syncHours = 24
    /// `VERDICT_SYNC_HOLD_NEW`: new models from a sync wait in the intake queue for an editor
    /// instead of being published at once.
    public var holdNew = false
    /// `VERDICT_SOURCE_MAX_MB`: the largest dataset body read (default 64 MB).
    public var maxBytes = 64 << 20
    /// `VERDICT_SOURCE_TIMEOUT`: seconds for a whole download, headers and body (default 120).
    public var timeoutSeconds = 120.0
    /// `VERDICT_PRICE_MAX_AGE_DAYS`: a price not checked for longer is flagged "not checked
    /// since …" on its tool's page (default 30).
    public var priceMaxAgeDays = 30

    public init() {}
}

extension Settings {
    static func readIntake(_ r: inout SettingsReader) throws -> IntakeSettings {
        var s = IntakeSettings()
        nonisolated(unsafe) var problem: SourceListError?
        do {
            s.sources = try r.read(
                "VERDICT_SOURCES", default: SourceList([]),
                expected:
                    "FORMAT=LOCATION[,FORMAT=LOCATION…] with FORMAT one of models.dev, genai-prices, litellm and LOCATION an http(s) URL or a path",
                show: { $0.sources.isEmpty ? "none" : $0.sources.map { "\($0.name)=\($0.location)" }.joined(separator: ",") },
                parse: { text in
                    do throws(SourceListError) { return try SourceList.parse(text) } catch {
                        problem = error
                        return nil
                    }
                })
        } catch let error as SettingsError {
            throw problem.map { SettingsError("\(error.description) (\($0.message))") } ?? error
        }
        s.syncHours = try r.read(
            "VERDICT_SYNC_HOURS", default: 24, expected: SettingParse.intExpected(1...720), show: String.init,
            parse: SettingParse.int(in: 1...720))
        s.holdNew = try r.read(
            "VERDICT_SYNC_HOLD_NEW", default: false, expected: "true or false", show: { $0 ? "true" : "false" },
            parse: { ["true": true, "1": true, "false": false, "0": false][$0.lowercased()] })
        s.maxBytes =
            try r.read(
                "VERDICT_SOURCE_MAX_MB", default: 64, expected: SettingParse.intExpected(1...1024), show: String.init,
                parse: SettingParse.int(in: 1...1024)) << 20
        s.timeoutSeconds = Double(
            try r.read(
                "VERDICT_SOURCE_TIMEOUT", default: 120, expected: SettingParse.intExpected(1...3600), show: String.init,
                parse: SettingParse.int(in: 1...3600)))
        s.priceMaxAgeDays = try r.read(
            "VERDICT_PRICE_MAX_AGE_DAYS", default: 30, expected: SettingParse.intExpected(1...3650), show: String.init,
            parse: SettingParse.int(in: 1...3650))
        return s
    }
}
