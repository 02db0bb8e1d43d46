import ConsoleKit
import Foundation
import Vapor

/// The CLI's own words for what went wrong with a command line, instead of Swift's debug output.
enum CommandErrors {
    /// `verdict --version`.
    static let version = "verdict 2026.12 (rubric-3)"

    /// A sentence for a command-line error; nil for errors the command has already explained
    /// (`CommandFailed`).
    static func sentence(_ error: any Error, arguments: [String]) -> String? {
        let command = arguments.dropFirst().first { !$0.hasPrefix("-") }.map { "`verdict \($0)`" } ?? "`verdict`"
        switch error {
        case is CommandFailed: return nil
        case let e as CommandError:
            switch e {
            case .missingCommand: return "name a command; `verdict --help` lists them."
            case .unknownCommand(let name, let available):
                return
                    "there is no command '\(name.prefix(40))'. Commands: \(available.sorted().joined(separator: ", ")). `verdict --help` explains each."
            case .missingRequiredArgument(let name):
                return "\(command) needs its <\(name)> argument; \(command.dropLast()) --help` shows an example."
            case .invalidArgumentType(let name, let type):
                return "<\(name)> of \(command) must be \(describe(type)); \(command.dropLast()) --help` shows an example."
            case .invalidOptionType(let name, let type):
                return "--\(name) of \(command) must be \(describe(type)); \(command.dropLast()) --help` shows an example."
            case .unknownInput(let input):
                return "\(command) does not take '\(input.prefix(60))'; \(command.dropLast()) --help` lists what it takes."
            }
        default:
            return String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        }
    }

    static func describe(_ type: any Any.Type) -> String {
        switch type {
        case is Int.Type, is Int?.Type: "a whole number"
        case is Double.Type, is Double?.Type: "a number"
        case is Bool.Type, is Bool?.Type: "true or false"
        default: "a value of the right kind"
        }
    }
}
