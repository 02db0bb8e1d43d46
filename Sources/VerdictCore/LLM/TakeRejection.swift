/// Why a model's reply is not a usable take. The description is written so it can be shown to
/// an operator, or sent back to the model on retry, as the thing to fix.
public enum TakeRejection: Error, Sendable, Hashable, CustomStringConvertible {
    case notJSON(reason: String)
    case replyTooLarge(bytes: Int, maximum: Int)
    case fieldTooLong(field: String, length: Int, maximum: Int)
    case multipleObjects(count: Int)
    case missingField(String)
    case wrongType(field: String, expected: String)
    case badEnum(field: String, value: String, allowed: [String])
    case textTooShort(words: Int, minimum: Int)
    case textTooLong(words: Int, maximum: Int)
    case flipTooLong(characters: Int, maximum: Int)
    case tooManyReliedOn(count: Int, maximum: Int)
    case unknownReliedOn([String])

    public var description: String {
        switch self {
        case .notJSON(let reason):
            "The reply is not one JSON object (\(reason)). Reply with exactly one JSON object."
        case .replyTooLarge(let bytes, let maximum):
            "The reply is \(bytes) bytes; at most \(maximum) are read. Reply with one short JSON object."
        case .fieldTooLong(let field, let length, let maximum):
            "\"\(field)\" has \(length) characters; at most \(maximum) are allowed."
        case .multipleObjects(let count):
            "The reply holds \(count) JSON objects; exactly one is expected, with nothing around it."
        case .missingField(let field):
            "The field \"\(field)\" is missing."
        case .wrongType(let field, let expected):
            "The field \"\(field)\" must be \(expected)."
        case .badEnum(let field, let value, let allowed):
            "\"\(field)\" is \"\(value)\"; expected one of: \(allowed.joined(separator: ", "))."
        case .textTooShort(let words, let minimum):
            "\"text\" has \(words) words; at least \(minimum) are needed (aim for 100 to 180)."
        case .textTooLong(let words, let maximum):
            "\"text\" has \(words) words; at most \(maximum) are allowed (aim for 100 to 180)."
        case .flipTooLong(let characters, let maximum):
            "\"flip\" has \(characters) characters; at most \(maximum) are allowed."
        case .tooManyReliedOn(let count, let maximum):
            "\"relied_on\" has \(count) items; at most \(maximum) are allowed."
        case .unknownReliedOn(let keys):
            "\"relied_on\" names keys that are not in the tool data: \(keys.joined(separator: ", ")). "
                + "Use fact keys as they appear in the data, or quote a claim starting with a double quote."
        }
    }
}
