import Fluent
import Foundation

/// One persona's take on one tool, to be written by a model backend.
final class PanelJobModel: Model, @unchecked Sendable {
    static let schema = "panel_jobs"

    enum State: String, Codable, CaseIterable, Sendable {
        case queued, running, done, failed, abstained
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "tool_id") var tool: ToolModel
    @Field(key: "persona") var persona: String
    @Field(key: "backend") var backend: String
    @Field(key: "force") var force: Bool
    @Field(key: "state") var stateRaw: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "lease_owner") var leaseOwner: String?
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    var state: State {
        get { State(rawValue: stateRaw) ?? .failed }
        set { stateRaw = newValue.rawValue }
    }

    init() {}

    init(tool: UUID, persona: String, backend: String, force: Bool) {
        self.$tool.id = tool
        self.persona = persona
        self.backend = backend
        self.force = force
        self.stateRaw = State.queued.rawValue
        self.attempts = 0
    }
}
