import Fluent
import Foundation

/// Site-wide editorial switches, kept in the settings table so every app server agrees.
enum EditorialSettings {
    static let moderateKey = "moderate_llm_takes"

    /// When on, model-written takes wait in the moderation queue until an editor approves them.
    static func moderatesModelTakes(on db: any Database) async throws -> Bool {
        try await SettingModel.value(of: moderateKey, on: db) == "1"
    }

    static func setModeratesModelTakes(_ on: Bool, actor: String, at now: Date, db: any Database) async throws {
        try await db.writeTransaction { tx in
            let before = try await moderatesModelTakes(on: tx)
            guard before != on else { return }
            try await SettingModel.set(moderateKey, to: on ? "1" : "0", on: tx)
            try await Audit.record(
                actor, "settings.updated", subject: "setting:\(moderateKey)",
                before: Audit.json([moderateKey: before]), after: Audit.json([moderateKey: on]), at: now, on: tx)
        }
    }
}
