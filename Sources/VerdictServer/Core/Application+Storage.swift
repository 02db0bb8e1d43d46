import Vapor

/// The storage key of a value `configure` stores once per application: one key per stored type,
/// so each accessor is two lines instead of a key type and an accessor.
struct Configured<Stored: Sendable>: StorageKey {
    typealias Value = Stored
}

extension Application {
    /// A value `configure(_:settings:)` must have stored; a missing one is a wiring bug.
    func configured<Stored: Sendable>(_ type: Stored.Type = Stored.self) -> Stored {
        guard let value = storage[Configured<Stored>.self] else { fatalError("configure did not set \(Stored.self)") }
        return value
    }

    /// Stores the application's one value of this type.
    func configure<Stored: Sendable>(_ value: Stored) {
        storage[Configured<Stored>.self] = value
    }
}
