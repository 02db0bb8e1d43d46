/// The one definition of a model-written take: every field, its type and every bound.
///
/// The JSON Schema sent to the backend and the checks `TakeParser` makes are both derived from
/// the constants and `fields` here, so a model that obeys the schema cannot be refused by the
/// parser for a limit it was never told. Length bounds are stated as `maxLength`/`maxItems`
/// (OpenAI-compatible strict modes accept them; both count Unicode scalars, like the parser) and
/// in each description, because not every backend enforces them. Word counts cannot be a JSON
/// Schema keyword, so they are stated only in the description. The parser validates every reply
/// anyway: some backends ignore `response_format`, and a schema is a request, not a guarantee.
public enum TakeSchema {
    /// The `json_schema.name` sent with the schema.
    public static let name = "take"
    /// The prompt asks for 100–180 words; the parser allows slack either side.
    public static let aimWords = 100...180
    public static let minWords = 60
    public static let maxWords = 220
    /// 220 long words fit; a megabyte of "words" does not.
    public static let maxTextLength = 2400
    public static let maxFlipCharacters = 200
    public static let maxReliedOn = 12
    public static let maxReliedOnItemLength = 200
    /// A reply's content is refused unread past this many bytes: room for every field at its
    /// maximum even with each character written as a JSON `\u` surrogate pair (12 bytes), and the
    /// punctuation around them.
    public static let maxReplyBytes = 12 * (maxTextLength + maxFlipCharacters + maxReliedOn * maxReliedOnItemLength) + 4096

    /// In the order the model writes them: `text` first, so it reasons before it commits to a verdict.
    public static let fields: [TakeField] = [
        TakeField(
            name: "text", shape: .prose(words: minWords...maxWords, maxLength: maxTextLength),
            purpose: "The take: \(aimWords.lowerBound) to \(aimWords.upperBound) words of plain prose that ends with the verdict"),
        TakeField(
            name: "relied_on", shape: .list(maxItems: maxReliedOn, itemMaxLength: maxReliedOnItemLength),
            purpose: "Fact keys from the tool data, or short claims quoted from it"),
        TakeField(name: "verdict", shape: .choice(Verdict.allCases.map(\.rawValue)), purpose: "The verdict"),
        TakeField(name: "conviction", shape: .choice(Conviction.allCases.map(\.rawValue)), purpose: "How clear the call is"),
        TakeField(
            name: "flip", shape: .optionalText(maxLength: maxFlipCharacters),
            purpose: "The condition that would flip the verdict, or null"),
    ]

    /// The schema, keys in a fixed order so the request is byte-identical from run to run.
    public static let jsonSchema: String =
        #"{"type":"object","properties":{"#
        + fields.map { "\"\($0.name)\":\($0.schema)" }.joined(separator: ",")
        + #"},"required":["# + quotedList(fields.map(\.name)) + #"],"additionalProperties":false}"#

    /// The whole `response_format` value for a chat-completions request.
    public static var responseFormat: String {
        #"{"type":"json_schema","json_schema":{"name":"\#(name)","strict":true,"schema":\#(jsonSchema)}}"#
    }

    static func quotedList(_ items: [String]) -> String {
        items.map { "\"\($0)\"" }.joined(separator: ",")
    }
}

/// One field of a take as the schema states it and the parser checks it.
public struct TakeField: Sendable, Hashable {
    /// The field's JSON shape with its bounds; lengths count Unicode scalars.
    public enum Shape: Sendable, Hashable {
        case prose(words: ClosedRange<Int>, maxLength: Int)
        case choice([String])
        case optionalText(maxLength: Int)
        case list(maxItems: Int, itemMaxLength: Int)
    }

    public let name: String
    public let shape: Shape
    let purpose: String

    /// The description sent to the model: the purpose and every bound in words.
    public var description: String {
        switch shape {
        case .prose(let words, let maxLength):
            "\(purpose); \(words.lowerBound) to \(words.upperBound) words are accepted, at most \(maxLength) characters."
        case .choice(let values):
            "\(purpose): one of \(values.joined(separator: ", "))."
        case .optionalText(let maxLength):
            "\(purpose); at most \(maxLength) characters."
        case .list(let maxItems, let itemMaxLength):
            "\(purpose); at most \(maxItems) items, each at most \(itemMaxLength) characters."
        }
    }

    /// This field's JSON Schema, its keys in a fixed order. Descriptions hold no quote or backslash.
    var schema: String {
        let about = #""description":"\#(description)""#
        switch shape {
        case .prose(_, let maxLength):
            return #"{"type":"string","maxLength":\#(maxLength),\#(about)}"#
        case .choice(let values):
            return #"{"type":"string","enum":[\#(TakeSchema.quotedList(values))],\#(about)}"#
        case .optionalText(let maxLength):
            return #"{"type":["string","null"],"maxLength":\#(maxLength),\#(about)}"#
        case .list(let maxItems, let itemMaxLength):
            return #"{"type":"array","maxItems":\#(maxItems),"items":{"type":"string","maxLength":\#(itemMaxLength)},\#(about)}"#
        }
    }
}
