/// The fixed tables of the matching rule. Extend them in one place, with a test on a real id.
extension ToolKey {
    /// Provider slugs (lowercased, `_` as `-`) that name the same seller as another dataset's slug.
    /// models.dev's slugs are the canonical ones.
    static let sellerAliases: [String: String] = [
        "gemini": "google", "google-vertex-anthropic": "google-vertex",
        "bedrock": "amazon-bedrock", "bedrock-converse": "amazon-bedrock", "bedrock-mantle": "amazon-bedrock",
        "aws": "amazon-bedrock", "azure-ai": "azure", "azure-text": "azure",
        "together-ai": "togetherai", "together": "togetherai", "fireworks": "fireworks-ai",
        "fireworks-ai-embedding-models": "fireworks-ai", "novita": "novita-ai", "x-ai": "xai",
        "text-completion-openai": "openai", "cohere-chat": "cohere", "codestral": "mistral",
        "text-completion-codestral": "mistral", "moonshot": "moonshotai", "voyage": "voyageai",
        "dashscope": "alibaba", "nvidia-nim": "nvidia", "cloudflare": "cloudflare-workers-ai",
        "friendliai": "friendli", "bigmodel": "zhipuai",
    ]

    /// Owners as datasets spell them (Hugging Face orgs, Bedrock prefixes) → vendor slug.
    static let ownerAliases: [String: String] = [
        "openai": "openai", "anthropic": "anthropic", "google": "google", "meta": "meta", "meta-llama": "meta",
        "facebook": "meta", "mistral": "mistral", "mistralai": "mistral", "deepseek": "deepseek",
        "deepseek-ai": "deepseek", "qwen": "alibaba", "alibaba": "alibaba", "x-ai": "xai", "xai": "xai",
        "z-ai": "zai", "zai": "zai", "zai-org": "zai", "thudm": "zai", "moonshotai": "moonshotai",
        "moonshot": "moonshotai", "minimax": "minimax", "minimaxai": "minimax", "cohere": "cohere",
        "cohereforai": "cohere", "coherelabs": "cohere", "ai21": "ai21", "ai21labs": "ai21", "amazon": "amazon",
        "microsoft": "microsoft", "nvidia": "nvidia", "black-forest-labs": "black-forest-labs",
        "bfl": "black-forest-labs", "stability": "stability", "stabilityai": "stability",
    ]

    /// Name stems of the big model families → vendor, tried longest first.
    static let familyStems: [(String, String)] = [
        ("text-embedding", "openai"), ("text-moderation", "openai"), ("omni-moderation", "openai"),
        ("computer-use", "openai"), ("open-mistral", "mistral"), ("open-mixtral", "mistral"), ("meta-llama", "meta"),
        ("magistral", "mistral"), ("codestral", "mistral"), ("ministral", "mistral"), ("devstral", "mistral"),
        ("deepseek", "deepseek"), ("nemotron", "nvidia"), ("chatgpt", "openai"), ("babbage", "openai"),
        ("davinci", "openai"), ("whisper", "openai"), ("mistral", "mistral"), ("mixtral", "mistral"),
        ("pixtral", "mistral"), ("voxtral", "mistral"), ("command", "cohere"), ("chatglm", "zai"),
        ("minimax", "minimax"), ("moonshot", "moonshotai"), ("claude", "anthropic"), ("gemini", "google"),
        ("imagen", "google"), ("dall-e", "openai"), ("curie", "openai"), ("codex", "openai"), ("gemma", "google"),
        ("llama", "meta"), ("voyage", "voyageai"), ("titan", "amazon"), ("sonar", "perplexity"), ("jamba", "ai21"),
        ("grok", "xai"), ("qwen", "alibaba"), ("kimi", "moonshotai"), ("sora", "openai"), ("nova", "amazon"),
        ("gpt", "openai"), ("tts", "openai"), ("ada", "openai"), ("veo", "google"), ("glm", "zai"), ("qwq", "alibaba"),
        ("phi", "microsoft"), ("o1", "openai"), ("o3", "openai"), ("o4", "openai"),
    ].sorted { $0.0.count > $1.0.count }

    /// Sellers that are clouds rather than inference hosts.
    static let cloudSellers: Set<String> = [
        "azure", "amazon-bedrock", "google-vertex", "oci", "databricks", "snowflake", "snowflake-cortex", "watsonx",
        "sagemaker", "sap-ai-core", "cloudflare-workers-ai", "azure-cognitive-services",
    ]
}
