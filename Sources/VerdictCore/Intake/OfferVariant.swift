/// How an offer is served: the same model at the same seller can be cheaper in batch or dearer on priority.
public enum OfferVariant: String, CaseIterable, Codable, Sendable, Hashable {
    /// The default, synchronous service.
    case standard
    /// Asynchronous batch jobs (LiteLLM `*_batches`), usually half price.
    case batch
    /// Best-effort capacity (OpenAI and Gemini "flex", LiteLLM `*_flex`).
    case flex
    /// Reserved or faster capacity (LiteLLM `*_priority`, OpenAI "priority" tier).
    case priority
}
