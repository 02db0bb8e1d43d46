import Foundation

/// A configuration value that does not parse.
public struct ConfigProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
