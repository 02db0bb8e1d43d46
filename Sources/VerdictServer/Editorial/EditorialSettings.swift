import Fluent
import Foundation

/// Site-wide editorial switches, kept in the settings table so every app server agrees.
enum EditorialSettings {
    static let moderateKey = "moderate_llm_takes"

    /// When on, model-written takes wait in the moderation queue until an editor approves them.
    static func moderatesModelTakes(on db: any Database) async throws -> Bool {
        try await SettingModel.find(moderateKey, on: db)?.value == "1"
    }

    static func setModeratesModelTakes(_ on: Bool, actor: String, at now: Date, db: any Database) async throws {
        try await db.writeTransaction { tx in
            let before = try await moderatesModelTakes(on: tx)
            guard before != on else { return }
            if let row = try await SettingModel.find(moderateKey, on: tx) {
                row.value = on ? "1" : "0"
                try await row.save(on: tx)
            } else {
                try await SettingModel(key: moderateKey, value: on ? "1" : "0").create(on: tx)
            }
            try await Audit.record(
                actor, "settings.updated", subject: "setting:\(moderateKey)",
                before: Audit.json([moderateKey: before]), after: Audit.json([moderateKey: on]), at: now, on: tx)
        }
    }
}
