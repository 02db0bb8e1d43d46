import Fluent
import Foundation

extension SettingModel {
    /// The stored value of `key`, or nil when it was never set.
    static func value(of key: String, on db: any Database) async throws -> String? {
        try await SettingModel.find(key, on: db)?.value
    }

    /// Stores `value` under `key`, replacing any earlier value.
    static func set(_ key: String, to value: String, on db: any Database) async throws {
        if let row = try await SettingModel.find(key, on: db) {
            row.value = value
            try await row.save(on: db)
        } else {
            try await SettingModel(key: key, value: value).create(on: db)
        }
    }
}
