import Foundation
import VerdictTestSupport

@testable import VerdictCore

/// The public datasets beside the project (`../shared/data/prices/`), read in place, never copied.
enum IntakeData {
    static let folder = SharedPriceData.folder
    static let absent = SharedPriceData.absent

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
