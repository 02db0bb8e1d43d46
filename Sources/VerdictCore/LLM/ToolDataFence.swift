/// Fences a tool's data in the prompt so vendor text can be read but never mistaken for the
/// prompt around it.
///
/// Three layers: every `<<` and `>>` in the data becomes `‹‹`/`››`, so no marker can be forged;
/// the markers carry a token derived from the data, so even a guessed marker cannot match; and
/// every data line starts with `│ `, so no line inside can pass for a top-level line.
enum ToolDataFence {
    static let lineMark = "│ "

    static func open(_ token: String) -> String { "<<TOOL_DATA \(token)>>" }
    static func close(_ token: String) -> String { "<<END_TOOL_DATA \(token)>>" }

    /// The data between its markers, each line marked.
    static func fenced(_ body: String) -> String {
        let safe = neutralised(body)
        let token = token(for: safe)
        let lines = safe.split(separator: "\n", omittingEmptySubsequences: false).map { lineMark + $0 }
        return ([open(token)] + lines + [close(token)]).joined(separator: "\n")
    }

    /// Replaces the bracket pairs that markers are made of. Replacing left to right leaves no
    /// pair behind: two adjacent brackets that survived would have been matched.
    static func neutralised(_ text: String) -> String {
        guard text.contains("<<") || text.contains(">>") else { return text }
        return text.replacingOccurrences(of: "<<", with: "‹‹").replacingOccurrences(of: ">>", with: "››")
    }

    /// The first candidate token that does not occur in the data itself.
    /// `candidate` stands in for the hash in tests, which cannot make data contain its own hash.
    static func token(for body: String, candidate: ((Int) -> String)? = nil) -> String {
        var salt = 0
        while true {
            let token = candidate?(salt) ?? hashToken(body, salt: salt)
            if !body.contains(token) { return token }
            salt += 1
        }
    }

    /// 16 hex digits of FNV-1a over the data and a constant. Swift's `Hasher` is seeded per
    /// process, and the prompt must read the same on every run so providers can cache it.
    static func hashToken(_ body: String, salt: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "verdict-tool-data|\(salt)|\(body)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
