extension TakeParser {
    /// The only top-level JSON object in a reply.
    ///
    /// Prose and code fences around one object are tolerated: some backends ignore the response
    /// format and chat anyway. Two or more objects are rejected rather than guessed between: a
    /// model that echoes an injected `{"verdict":"ship"}` before its own answer must not have
    /// either one chosen for it. A reply cut off inside the object is rejected as truncated.
    static func soleObject(in content: String) throws(TakeRejection) -> String {
        let bytes = Array(content.utf8)
        var spans: [Range<Int>] = []
        var depth = 0
        var start = 0
        var inString = false
        var escaped = false
        for (index, byte) in bytes.enumerated() {
            if depth == 0 {
                // Outside an object quotes are prose (apostrophes, quoted words), so only a brace counts.
                if byte == UInt8(ascii: "{") { (depth, start) = (1, index) }
            } else if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { spans.append(start..<(index + 1)) }
            }
        }
        if depth > 0 { throw .notJSON(reason: "it is cut off before its closing brace, so the reply was truncated") }
        guard let only = spans.first else { throw .notJSON(reason: "no JSON object found") }
        guard spans.count == 1 else { throw .multipleObjects(count: spans.count) }
        return String(decoding: bytes[only], as: UTF8.self)
    }
}
