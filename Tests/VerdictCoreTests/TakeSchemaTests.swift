import Foundation
import Testing

@testable import VerdictCore

/// The schema sent to a model and the parser's checks come from one definition (issue 17,
/// finding 3: a 599-character flip obeyed the schema and was refused by the parser).
@Suite("Take schema: one definition for the schema and the parser")
struct TakeSchemaTests {
    static func properties() throws -> [String: [String: Any]] {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(TakeSchema.jsonSchema.utf8)) as? [String: Any])
        return try #require(schema["properties"] as? [String: [String: Any]])
    }

    /// `count` scalars of `letter`, cut into `words` words.
    static func prose(words: Int, length: Int, letter: Character = "ü") -> String {
        let per = (length - (words - 1)) / words
        var parts = Array(repeating: String(repeating: letter, count: per), count: words)
        parts[words - 1] += String(repeating: letter, count: length - (words - 1) - per * words)
        return parts.joined(separator: " ")
    }

    /// A reply with every field at the maximum its definition allows, in 4-byte scalars where
    /// free text allows, every character written as a JSON escape.
    static func atMaxima(letter: Character = "𝔘") -> [String: Any] {
        let claims = (0..<TakeSchema.maxReliedOn).map { i in
            "\"\(i)" + String(repeating: letter, count: TakeSchema.maxReliedOnItemLength - 1 - String(i).count)
        }
        return [
            "text": prose(words: TakeSchema.maxWords, length: TakeSchema.maxTextLength, letter: letter),
            "relied_on": claims, "verdict": "skip", "conviction": "narrow",
            "flip": String(repeating: letter, count: TakeSchema.maxFlipCharacters),
        ]
    }

    /// JSON with every non-ASCII character as `\uXXXX` escapes: the longest spelling a model may use.
    static func escapedJSON(_ fields: [String: Any]) -> String {
        let plain = Reply.json(fields)
        var out = ""
        for unit in plain.utf16 {
            if unit < 0x80 { out.unicodeScalars.append(Unicode.Scalar(UInt8(unit))) } else { out += String(format: "\\u%04x", unit) }
        }
        return out
    }

    @Test("Every field's schema states the limits the parser checks")
    func schemaStatesLimits() throws {
        let properties = try Self.properties()
        #expect(properties.keys.sorted() == TakeSchema.fields.map(\.name).sorted())
        for field in TakeSchema.fields {
            let property = try #require(properties[field.name])
            let description = try #require(property["description"] as? String)
            switch field.shape {
            case .prose(let words, let maxLength):
                #expect(property["maxLength"] as? Int == maxLength && description.contains("\(maxLength) characters"))
                #expect(description.contains("\(words.lowerBound) to \(words.upperBound) words"))
                #expect(words == TakeSchema.minWords...TakeSchema.maxWords && maxLength == TakeSchema.maxTextLength)
            case .choice(let values):
                #expect(property["enum"] as? [String] == values)
            case .optionalText(let maxLength):
                #expect(property["type"] as? [String] == ["string", "null"])
                #expect(property["maxLength"] as? Int == maxLength && description.contains("\(maxLength) characters"))
            case .list(let maxItems, let itemMaxLength):
                #expect(property["maxItems"] as? Int == maxItems && description.contains("\(maxItems) items"))
                #expect((property["items"] as? [String: Any])?["maxLength"] as? Int == itemMaxLength)
            }
        }
    }

    @Test("The parser refuses one past each stated maximum, in the field the schema names")
    func parserChecksTheSameLimits() {
        let maxima = Self.atMaxima(letter: "a")
        func with(_ key: String, _ value: Any) -> TakeRejection? {
            var fields = maxima
            fields[key] = value
            return Reply.rejection(Reply.json(fields))
        }
        #expect(
            with("flip", String(repeating: "é", count: TakeSchema.maxFlipCharacters + 1))
                == .flipTooLong(characters: TakeSchema.maxFlipCharacters + 1, maximum: TakeSchema.maxFlipCharacters))
        let longText = Self.prose(words: TakeSchema.maxWords, length: TakeSchema.maxTextLength + 1)
        #expect(
            with("text", longText)
                == .fieldTooLong(field: "text", length: TakeSchema.maxTextLength + 1, maximum: TakeSchema.maxTextLength))
        let tooMany = (0...TakeSchema.maxReliedOn).map { "\"claim \($0)" }
        #expect(with("relied_on", tooMany) == .tooManyReliedOn(count: tooMany.count, maximum: TakeSchema.maxReliedOn))
        #expect(with("verdict", "maybe") == .badEnum(field: "verdict", value: "maybe", allowed: ["ship", "skip"]))
    }

    @Test("A reply at every maximum the schema states is accepted, even fully escaped")
    func maximaAccepted() throws {
        for content in [Reply.json(Self.atMaxima()), Self.escapedJSON(Self.atMaxima())] {
            #expect(content.utf8.count <= TakeSchema.maxReplyBytes)
            let parsed = try TakeParser.parse(content, persona: .skeptic).get()
            #expect(TextCleaning.length(parsed.take.flip ?? "") == TakeSchema.maxFlipCharacters)
            #expect(TextCleaning.length(parsed.take.text) == TakeSchema.maxTextLength)
            #expect(parsed.reliedOn.count == TakeSchema.maxReliedOn)
        }
    }

    @Test("An oversized take is refused before it is read: 3 MB of reply, or a text of huge words")
    func oversizedRejected() {
        let huge = Reply.with("text", Reply.words(100) + String(repeating: "x", count: 3_100_000))
        #expect(Reply.rejection(huge) == .replyTooLarge(bytes: huge.utf8.count, maximum: TakeSchema.maxReplyBytes))
        let wide = Reply.with("text", Self.prose(words: 100, length: 6000, letter: "w"))
        #expect(Reply.rejection(wide) == .fieldTooLong(field: "text", length: 6000, maximum: TakeSchema.maxTextLength))
        #expect(TakeRejection.replyTooLarge(bytes: 9, maximum: 8).description.contains("8"))
    }

    @Test("The prompt states the same limits as the schema")
    func promptAgrees() {
        let system = PanelPrompt.system()
        #expect(system.contains("up to \(TakeSchema.maxReliedOn) things"))
        #expect(system.contains("at most \(TakeSchema.maxFlipCharacters) characters"))
        #expect(system.contains("each at most \(TakeSchema.maxReliedOnItemLength) characters"))
    }
}
