import Foundation

/// A validated model-written take and the fact keys and quoted claims it says it relied on.
public struct ParsedTake: Sendable, Hashable {
    public var take: Take
    public var reliedOn: [String]

    public init(take: Take, reliedOn: [String]) {
        self.take = take
        self.reliedOn = reliedOn
    }
}

/// Turns a model's reply into a take, or says exactly what is wrong with it.
///
/// Only the verdict, conviction, flip, text and relied_on fields are read; scores are computed
/// from verdicts elsewhere, never from anything a model writes. Every string returned has hidden
/// and bidi characters stripped.
public enum TakeParser {
    public static func parse(_ content: String, persona: Persona) -> Result<ParsedTake, TakeRejection> {
        Result { () throws(TakeRejection) -> ParsedTake in
            // Bounded before any scan or decode: a runaway reply costs nothing to refuse.
            let bytes = content.utf8.count
            if bytes > TakeSchema.maxReplyBytes { throw .replyTooLarge(bytes: bytes, maximum: TakeSchema.maxReplyBytes) }
            let object = try decodeObject(try soleObject(in: content))
            let verdict: Verdict = try choice(object, "verdict")
            let conviction: Conviction = try choice(object, "conviction")
            let text = try validatedText(object)
            let flip = try validatedFlip(object)
            let reliedOn = try validatedReliedOn(object)
            let take = Take(
                persona: persona, verdict: verdict, conviction: conviction, flip: flip, text: text, source: .llm)
            return ParsedTake(take: take, reliedOn: reliedOn)
        }
    }

    static func decodeObject(_ text: String) throws(TakeRejection) -> [String: Any] {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
            let object = parsed as? [String: Any]
        else { throw .notJSON(reason: "the object is not valid JSON") }
        return object
    }

    static func string(_ object: [String: Any], _ field: String) throws(TakeRejection) -> String {
        guard let value = object[field], !(value is NSNull) else { throw .missingField(field) }
        guard let text = value as? String else { throw .wrongType(field: field, expected: "a string") }
        return text
    }

    static func choice<T: RawRepresentable & CaseIterable>(
        _ object: [String: Any], _ field: String
    ) throws(TakeRejection) -> T where T.RawValue == String {
        let raw = try string(object, field)
        guard let value = T(rawValue: tidy(raw).lowercased()) else {
            throw .badEnum(field: field, value: String(tidy(raw).prefix(40)), allowed: T.allCases.map(\.rawValue))
        }
        return value
    }

    static func validatedText(_ object: [String: Any]) throws(TakeRejection) -> String {
        let text = tidy(try string(object, "text"))
        let words = text.split(whereSeparator: \.isWhitespace).count
        if words < TakeSchema.minWords { throw .textTooShort(words: words, minimum: TakeSchema.minWords) }
        if words > TakeSchema.maxWords { throw .textTooLong(words: words, maximum: TakeSchema.maxWords) }
        let length = TextCleaning.length(text)
        if length > TakeSchema.maxTextLength {
            throw .fieldTooLong(field: "text", length: length, maximum: TakeSchema.maxTextLength)
        }
        return text
    }

    /// Absent, null and empty all mean "nothing would flip it": not every backend sends nulls.
    static func validatedFlip(_ object: [String: Any]) throws(TakeRejection) -> String? {
        guard let value = object["flip"], !(value is NSNull) else { return nil }
        guard let raw = value as? String else { throw .wrongType(field: "flip", expected: "a string or null") }
        let flip = tidy(raw)
        let length = TextCleaning.length(flip)
        if length > TakeSchema.maxFlipCharacters {
            throw .flipTooLong(characters: length, maximum: TakeSchema.maxFlipCharacters)
        }
        return flip.isEmpty ? nil : flip
    }

    static func validatedReliedOn(_ object: [String: Any]) throws(TakeRejection) -> [String] {
        guard let value = object["relied_on"], !(value is NSNull) else { throw .missingField("relied_on") }
        guard let list = value as? [Any] else { throw .wrongType(field: "relied_on", expected: "an array of strings") }
        var items: [String] = []
        for element in list {
            guard let raw = element as? String else {
                throw .wrongType(field: "relied_on", expected: "an array of strings")
            }
            let item = clipped(tidy(raw), to: TakeSchema.maxReliedOnItemLength)
            if !item.isEmpty, !items.contains(item) { items.append(item) }
        }
        if items.count > TakeSchema.maxReliedOn {
            throw .tooManyReliedOn(count: items.count, maximum: TakeSchema.maxReliedOn)
        }
        let unknown = items.filter { !isKnownReference($0) }
        if !unknown.isEmpty { throw .unknownReliedOn(unknown.map { String($0.prefix(40)) }) }
        return items
    }

    /// A fact key as the data spells it (optionally as "facts.key"), or a claim in quotes.
    static func isKnownReference(_ item: String) -> Bool {
        if let first = item.first, "\"“'‘«".contains(first) { return true }
        let key = item.hasPrefix("facts.") ? String(item.dropFirst(6)) : item
        return ToolFacts.knownKeys.contains(key) || FactsDigest.toolFieldKeys.contains(key)
    }

    static func tidy(_ text: String) -> String {
        TextCleaning.clean(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Cut in Unicode scalars, the unit every limit counts in.
    static func clipped(_ text: String, to limit: Int) -> String {
        guard TextCleaning.length(text) > limit else { return text }
        var cut = String.UnicodeScalarView(text.unicodeScalars.prefix(limit - 1))
        cut.append("…")
        return String(cut)
    }
}
