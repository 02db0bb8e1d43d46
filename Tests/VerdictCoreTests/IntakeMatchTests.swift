import Testing

@testable import VerdictCore

@Suite("Intake matching: one tool per vendor and canonical model id")
struct IntakeMatchTests {
    @Test(
        "Real dataset ids from several sellers match one tool key",
        arguments: [
            ("gpt-4o", "openai", "openai/gpt-4o", "openai", SellerKind.vendorAPI),
            ("azure/gpt-4o", "azure", "openai/gpt-4o", "azure", .cloud),
            ("openai/gpt-4o", "openrouter", "openai/gpt-4o", "openrouter", .inferenceHost),
            ("openrouter/openai/gpt-4o", "openrouter", "openai/gpt-4o", "openrouter", .inferenceHost),
            ("gemini/gemini-2.5-flash", "gemini", "google/gemini-2.5-flash", "google", .vendorAPI),
            ("gemini-2.5-flash", "vertex_ai-language-models", "google/gemini-2.5-flash", "google-vertex", .cloud),
            ("google/gemini-2.5-flash", "vercel", "google/gemini-2.5-flash", "vercel", .inferenceHost),
            ("claude-3-5-haiku@20241022", "google-vertex-anthropic", "anthropic/claude-3-5-haiku-20241022", "google-vertex", .cloud),
            ("claude-opus-4-7@default", "google-vertex", "anthropic/claude-opus-4-7", "google-vertex", .cloud),
            ("vertex_ai/claude-3-5-sonnet", "vertex_ai-anthropic_models", "anthropic/claude-3-5-sonnet", "google-vertex", .cloud),
            ("anthropic.claude-3-5-sonnet-20240620-v1:0", "bedrock", "anthropic/claude-3-5-sonnet-20240620", "amazon-bedrock", .cloud),
            (
                "bedrock/us-gov-east-1/anthropic.claude-3-5-sonnet-20240620-v1:0", "bedrock",
                "anthropic/claude-3-5-sonnet-20240620", "amazon-bedrock", .cloud
            ),
            (
                "us.anthropic.claude-3-5-sonnet-20240620-v1:0", "bedrock_converse", "anthropic/claude-3-5-sonnet-20240620",
                "amazon-bedrock", .cloud
            ),
            ("anthropic.claude-opus-4-6-v1", "amazon-bedrock", "anthropic/claude-opus-4-6", "amazon-bedrock", .cloud),
            ("amazon.nova-pro-v1:0", "amazon-bedrock", "amazon/nova-pro-v1:0", "amazon-bedrock", .cloud),
            ("meta-llama/Llama-3.3-70B-Instruct", "huggingface_groq", "meta/llama-3.3-70b-instruct", "huggingface-groq", .inferenceHost),
            ("Qwen/Qwen3-32B", "huggingface_sambanova", "alibaba/qwen3-32b", "huggingface-sambanova", .inferenceHost),
            ("accounts/fireworks/models/deepseek-v4-flash", "fireworks-ai", "deepseek/deepseek-v4-flash", "fireworks-ai", .inferenceHost),
            ("fireworks_ai/accounts/fireworks/models/deepseek-r1", "fireworks_ai", "deepseek/deepseek-r1", "fireworks-ai", .inferenceHost),
            ("deepseek-r1-0528", "fireworks", "deepseek/deepseek-r1-0528", "fireworks-ai", .inferenceHost),
            ("llama3.1-8b", "cerebras", "meta/llama3.1-8b", "cerebras", .inferenceHost),
            (
                "1024-x-1024/50-steps/stability.stable-diffusion-xl-v1", "bedrock", "stability/stable-diffusion-xl-v1", "amazon-bedrock",
                .cloud
            ),
            ("grok-3", "x-ai", "xai/grok-3", "xai", .vendorAPI),
            ("xai/grok-3", "xai", "xai/grok-3", "xai", .vendorAPI),
            ("o3", "openai", "openai/o3", "openai", .vendorAPI),
            ("voyage-3", "voyageai", "voyageai/voyage-3", "voyageai", .vendorAPI),
            ("groq/compound", "groq", "groq/compound", "groq", .vendorAPI),
            ("Sao10K/L3-8B-Stheno-v3.2", "novita", "sao10k/l3-8b-stheno-v3.2", "novita-ai", .inferenceHost),
        ])
    func realIDs(id: String, provider: String, key: String, seller: String, kind: SellerKind) {
        let match = ToolKey.match(id, provider: provider)
        #expect(match.description == key)
        #expect(ToolKey.seller(provider) == seller)
        #expect(ToolKey.sellerKind(seller: ToolKey.seller(provider), vendor: match.vendor) == kind)
    }

    @Test("Nothing is guessed: snapshots, aliases and spellings stay distinct tools")
    func noFuzzyMerge() {
        let base = ToolKey.match("gpt-4o", provider: "openai")
        #expect(ToolKey.match("gpt-4o-2024-08-06", provider: "openai") != base)
        #expect(ToolKey.match("chatgpt-4o-latest", provider: "openai") != base)
        #expect(ToolKey.match("llama-3.1-8b-instant", provider: "groq") != ToolKey.match("llama3.1-8b", provider: "cerebras"))
        // A stem must end at a separator: "adam-7b" is not OpenAI's "ada".
        #expect(ToolKey.match("adam-7b", provider: "somehost").vendor == "somehost")
    }
}
