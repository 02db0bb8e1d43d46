/// A problem the operator must fix (a bad argument, a broken setup), worded as what to do next.
public struct ConfigError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
