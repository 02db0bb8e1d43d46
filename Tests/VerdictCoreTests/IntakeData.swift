import Foundation

@testable import VerdictCore

/// The public datasets beside the project (`../shared/data/prices/`), read in place, never copied.
enum IntakeData {
    /// `VERDICT_PRICE_DATA`, or `shared/data/prices` beside an ancestor of this file (symlinks resolved,
    /// so a scratch package that links the test folder still finds it); nil when absent.
    static let folder: URL? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["VERDICT_PRICE_DATA"], fm.fileExists(atPath: env) {
            return URL(fileURLWithPath: env)
        }
        let file = URL(fileURLWithPath: #filePath)
        for start in [file.resolvingSymlinksInPath(), file] {
            var dir = start.deletingLastPathComponent()
            while dir.path != "/" {
                let candidate = dir.appendingPathComponent("shared/data/prices")
                if fm.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }()

    static let absent = "skipped: ../shared/data/prices is absent (set VERDICT_PRICE_DATA to the folder to run these)"

    /// The day of the LiteLLM snapshot, stamped as `checkedAt` on every offer.
    static let snapshotDay = RecordCheck.day("2026-11-20")!

    static func path(_ format: PriceDataset) -> String {
        switch format {
        case .modelsDev: "models.dev/api.json"
        case .genaiPrices: "genai-prices/data.json"
        case .litellm: "litellm/model_prices_and_context_window.json"
        }
    }

    static func data(_ format: PriceDataset) throws -> Data {
        try Data(contentsOf: folder!.appendingPathComponent(path(format)))
    }

    /// Each dataset is parsed once per test run.
    nonisolated(unsafe) private static var cache: [PriceDataset: SourceRead] = [:]
    private static let lock = NSLock()

    static func read(_ format: PriceDataset) throws -> SourceRead {
        lock.lock()
        defer { lock.unlock() }
        if let read = cache[format] { return read }
        let read = try SourceRead.read(data(format), format: format, checkedAt: snapshotDay)
        cache[format] = read
        return read
    }
}

extension SourceRead {
    func record(_ id: String) -> SourceModel? { records.first { $0.recordID == id } }
}

extension Decimal {
    /// A literal as an exact decimal (a `Double` literal would not be).
    static func exactly(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
}
