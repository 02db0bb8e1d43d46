/// A model's category by what it produces, from the modalities or mode its dataset declares.
public enum ModelCategory: String, CaseIterable, Codable, Sendable, Hashable {
    case language
    case image
    case video
    case audio
    case embeddings
    /// Services listed beside models (web search, vector stores) that are not models.
    case other

    /// From declared modalities: what it outputs decides, the richest first (video, image, audio);
    /// a model that reads only audio and writes text is speech-to-text, so audio.
    /// `family` catches embedding models, which models.dev marks by family only ("text-embedding").
    public static func from(input: [String], output: [String], family: String? = nil) -> ModelCategory {
        if let family, family.contains("embed") { return .embeddings }
        if output.contains("video") { return .video }
        if output.contains("image") { return .image }
        if output.contains("audio") && !output.contains("text") { return .audio }
        if input == ["audio"] { return .audio }
        return .language
    }

    /// From LiteLLM's `mode`. Speech-to-speech `realtime` models also take text and count as language.
    public static func from(litellmMode mode: String?) -> ModelCategory {
        switch mode {
        case "embedding", "rerank": .embeddings
        case "image_generation", "image_edit", "ocr": .image
        case "video_generation": .video
        case "audio_transcription", "audio_speech": .audio
        case "search", "vector_store": .other
        default: .language
        }
    }

    /// Categories whose context window must be a positive size; the others may declare 0 for "not applicable".
    var readsTokens: Bool { self == .language || self == .embeddings }
}
