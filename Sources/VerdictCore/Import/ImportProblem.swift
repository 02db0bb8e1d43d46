/// One thing wrong with an import file: where, which field, what was expected.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// e.g. `tools[3] (slug "smollm3")`, `takes[0]`, or `file`.
    public var location: String
    public var field: String?
    public var message: String

    public init(_ location: String, field: String? = nil, _ message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { return "\(location), field '\(field)': \(message)" }
        return "\(location): \(message)"
    }
}

/// Every problem found in one import file; nothing is written while there is any.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var problems: [ImportProblem]

    public init(source: String, problems: [ImportProblem]) {
        self.source = source
        self.problems = problems
    }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        let lines = problems.map { "  - \($0)" }.joined(separator: "\n")
        return "\(source): \(count); nothing was imported.\n\(lines)"
    }
}

extension ImportFailure {
    /// One line per problem, for lists in forms.
    public var lines: [String] { problems.map(\.description) }
}
