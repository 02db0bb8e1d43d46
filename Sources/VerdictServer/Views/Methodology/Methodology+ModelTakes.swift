import Plot
import VerdictCore

extension Methodology.View {
    /// How model-written takes are asked for, checked, recorded and kept apart from vendor text;
    /// as in docs/methodology.md, `Jobs/ModelPanel.swift` and `VerdictCore/LLM/`.
    func modelTakes() -> Body {
        section(
            "model-takes",
            para(
                "When the operator configures a backend (any OpenAI-compatible chat-completions endpoint: OpenAI, Gemini's OpenAI-compatible endpoint, vLLM, llama.cpp server or Ollama), each persona's take is written by a model, in a background job. Without one, the rubric below writes every take."
            ),
            .p(
                .strong(.text("Provenance. ")),
                .text(
                    "Every model-written take records its backend, model, prompt version (now \(PanelPrompt.version)), a SHA-256 of the tool data the model saw, temperature, tokens (prompt, cached, completion), cost in USD at the operator's prices, latency and the facts it says it relied on. A tool page shows them under each take; the JSON API has them on each take."
                )),
            .p(
                .strong(.text("Checked in code. ")),
                .text(
                    "The model must answer with one JSON object: verdict (ship or skip), conviction, what would flip it, a text of \(TakeSchema.minWords) to \(TakeSchema.maxWords) words, and the fact keys or quoted claims it relied on. Only the validated verdict counts; panel ship is computed here, never read from the model. A reply that fails validation is asked for again; after three invalid replies the persona "
                ),
                .strong(.text("abstains")),
                .text(
                    ": the page shows “Abstained” with the reason, and the persona is not counted in panel ship. Timeouts, refused connections, rate limits and server errors are retried with exponential backoff and jitter, honouring Retry-After; a quota error is not retried, and the current take stays."
                )),
            .p(
                .strong(.text("Not billed twice. ")),
                .text(
                    "A take is only asked for again when its facts hash, persona, prompt version or model changes, or when an operator forces a re-run. The replaced take stays in the tool's history, which marks the verdicts that changed and whether the facts, the prompt or the model changed."
                )),
            .p(
                .strong(.text("Vendor text is data. ")),
                .text(
                    "Descriptions, taglines and claims come from vendors and are untrusted. Invisible and bidi control characters are stripped when they are imported. In the prompt the tool data sits inside a fence: between markers that carry a token derived from the data, with every line marked and marker-like brackets neutralised, after rules that tell the model the data is never instructions. The shared part (rules, output format, fenced data) comes first and the persona's instructions last, so a provider can cache it across the four personas."
                ))
        )
    }
}
