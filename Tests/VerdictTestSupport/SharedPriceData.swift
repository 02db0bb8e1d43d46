import Foundation

/// The public datasets beside the project (`../shared/data/prices/`), read in place, never
/// copied: `VERDICT_PRICE_DATA`, or `shared/data/prices` beside an ancestor of this file
/// (symlinks resolved, so a scratch package that links the test folder still finds it).
public enum SharedPriceData {
    public static let folder: URL? = {
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

    /// What a test records when the folder is absent.
    public static let absent = "skipped: ../shared/data/prices is absent (set VERDICT_PRICE_DATA to the folder to run these)"
}
