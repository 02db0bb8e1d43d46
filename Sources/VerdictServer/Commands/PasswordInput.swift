import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a password without echo from a terminal, or one line from standard input.
enum PasswordInput {
    static func read(prompt: String, confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ConfigError("No password on standard input.")
            }
            return line
        }
        let first = try readHidden(prompt)
        if confirm {
            guard try readHidden("Again: ") == first else { throw ConfigError("The two passwords differ; nothing was created.") }
        }
        return first
    }

    private static func readHidden(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var old = termios()
        tcgetattr(STDIN_FILENO, &old)
        var silent = old
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &old)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ConfigError("No password entered.") }
        return line
    }
}
