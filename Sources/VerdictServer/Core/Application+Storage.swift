import Vapor

extension Application {
    /// A value `configure(_:config:)` must have stored; a missing one is a wiring bug.
    func configured<Key: StorageKey>(_ key: Key.Type) -> Key.Value {
        guard let value = storage[key] else { fatalError("configure(_:config:) did not set \(Key.self)") }
        return value
    }
}
