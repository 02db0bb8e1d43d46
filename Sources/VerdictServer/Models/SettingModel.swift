import Fluent
import Foundation

/// Site-wide values that every app server must share (e.g. the signing secret).
final class SettingModel: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    init(key: String, value: String) {
        self.id = key
        self.value = value
    }
}
