import Fluent
import Foundation
import Vapor
import VerdictCore

/// The demo catalog shipped in the binary's resources: real tools, facts as of their public pages.
enum DemoCatalog {
    static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "demo-catalog", withExtension: "yaml") else {
            throw ConfigError("the demo catalog resource is missing from the build")
        }
        return try Data(contentsOf: url)
    }

    /// Loads the demo catalog and runs the rubric panel, but only into an empty database, so a
    /// second start neither duplicates nor regenerates anything.
    static func seedIfEmpty(_ app: Application) async throws -> ImportSummary? {
        guard try await ToolModel.anyID(on: app.db) == nil else { return nil }
        return try await app.importPipeline.run(.text(try data(), source: "demo-catalog.yaml", origin: .demo)).summary
    }
}
