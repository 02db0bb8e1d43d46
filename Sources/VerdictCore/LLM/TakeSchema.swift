/// The shape of a model-written take, as a JSON Schema for the backend and as limits for the parser.
///
/// The schema uses only keywords every OpenAI-compatible structured-output mode accepts in strict
/// mode (type, enum, properties, required, additionalProperties, items). Length and count bounds
/// are stated in descriptions and enforced by `TakeParser`, which validates every reply anyway:
/// some backends ignore `response_format`, and a schema is a request, not a guarantee.
public enum TakeSchema {
    /// The `json_schema.name` sent with the schema.
    public static let name = "take"
    /// Bounds enforced in code. The prompt asks for 100–180 words; the parser allows slack.
    public static let minWords = 60
    public static let maxWords = 220
    public static let maxFlipCharacters = 200
    public static let maxReliedOn = 12

    /// `text` comes first so a model writes its reasoning before it commits to a verdict.
    public static let jsonSchema = """
        {"type":"object","properties":{\
        "text":{"type":"string","description":"The take: 100 to 180 words of plain prose that ends with the verdict."},\
        "relied_on":{"type":"array","items":{"type":"string"},\
        "description":"At most \(maxReliedOn) fact keys from the tool data, or short claims quoted from it."},\
        "verdict":{"type":"string","enum":[\(quotedList(Verdict.allCases.map(\.rawValue)))]},\
        "conviction":{"type":"string","enum":[\(quotedList(Conviction.allCases.map(\.rawValue)))]},\
        "flip":{"type":["string","null"],\
        "description":"The condition that would flip the verdict, at most \(maxFlipCharacters) characters, or null."}},\
        "required":["text","relied_on","verdict","conviction","flip"],\
        "additionalProperties":false}
        """

    /// The whole `response_format` value for a chat-completions request.
    public static var responseFormat: String {
        #"{"type":"json_schema","json_schema":{"name":"\#(name)","strict":true,"schema":\#(jsonSchema)}}"#
    }

    static func quotedList(_ items: [String]) -> String {
        items.map { "\"\($0)\"" }.joined(separator: ",")
    }
}
