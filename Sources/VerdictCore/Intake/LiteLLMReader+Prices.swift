import Foundation

/// LiteLLM price keys: `<base>[_above_<N>k_tokens][_batches|_flex|_priority]`.
extension LiteLLMReader {
    /// How a base key is priced: per token (converted to per 1M) or per one unit.
    enum Scale {
        case perToken
        case perUnit
    }

    /// Base keys → our unit. `input_cost_per_second`/`output_cost_per_second` are resolved by mode.
    static let units: [String: (PricedUnit, Scale)] = [
        "input_cost_per_token": (.inputTokens, .perToken), "output_cost_per_token": (.outputTokens, .perToken),
        "cache_read_input_token_cost": (.cachedInputTokens, .perToken),
        "cache_creation_input_token_cost": (.cacheWriteTokens, .perToken),
        "output_cost_per_reasoning_token": (.reasoningTokens, .perToken),
        "input_cost_per_audio_token": (.inputAudioTokens, .perToken),
        "output_cost_per_audio_token": (.outputAudioTokens, .perToken), "output_cost_per_image": (.image, .perUnit),
        "input_cost_per_audio_per_second": (.audioSecond, .perUnit),
        "input_cost_per_video_per_second": (.videoSecond, .perUnit),
        "output_cost_per_video_per_second": (.videoSecond, .perUnit), "input_cost_per_request": (.request, .perUnit),
    ]

    /// Where a priced key lands: which variant, which unit, which tier (0 for the base).
    struct Slot: Hashable {
        var variant: OfferVariant
        var unit: PricedUnit
        var above: Int
    }

    /// The slot of a key, or nil for keys that are not one of our units (flags, limits, other fees).
    static func slot(_ key: String, mode: String?) -> (Slot, Scale)? {
        var base = Substring(key)
        var variant = OfferVariant.standard
        for (suffix, v) in [("_batches", OfferVariant.batch), ("_flex", .flex), ("_priority", .priority)] where base.hasSuffix(suffix) {
            base = base.dropLast(suffix.count)
            variant = v
            break
        }
        var above = 0
        if base.hasSuffix("k_tokens"), let marker = base.range(of: "_above_", options: .backwards),
            let thousands = Int(base[marker.upperBound...].dropLast("k_tokens".count))
        {
            above = thousands * 1_000
            base = base[..<marker.lowerBound]
        }
        let resolved: (PricedUnit, Scale)?
        if base == "input_cost_per_second" || base == "output_cost_per_second" {
            // A second of what the model takes in or puts out: video for video generation, audio otherwise.
            resolved = (mode == "video_generation" ? .videoSecond : .audioSecond, .perUnit)
        } else {
            resolved = units[String(base)]
        }
        guard let (unit, scale) = resolved else { return nil }
        return (Slot(variant: variant, unit: unit, above: above), scale)
    }

    /// Prices per variant. Two keys in one slot are one price listed twice: transcription models give
    /// input and output prices per second for the same seconds (whisper-1: 0.0001 and 0.0001, $0.006 a
    /// minute), or one of them as 0; the larger is kept.
    static func prices(_ e: [String: JSONValue], mode: String?, _ check: inout RecordCheck) -> [OfferVariant: [Price]] {
        var amounts: [Slot: Decimal] = [:]
        for key in e.keys.sorted() {
            guard let (slot, scale) = slot(key, mode: mode), let raw = check.price(e[key], field: key) else { continue }
            let amount = scale == .perToken ? UnitConversion.perMillion(fromPerToken: raw) : raw
            amounts[slot] = max(amounts[slot] ?? amount, amount)
        }
        tiered(e["tiered_pricing"], into: &amounts, &check)
        var result: [OfferVariant: [Price]] = [:]
        for (slot, amount) in amounts where slot.above == 0 {
            let tiers = amounts.filter { $0.key.above > 0 && $0.key.variant == slot.variant && $0.key.unit == slot.unit }
                .map { PriceTier(aboveTokens: $0.key.above, amount: $0.value) }
            result[slot.variant, default: []].append(Price(slot.unit, amount, tiers: tiers))
        }
        return result
    }

    /// `tiered_pricing: [{range: [from, to], input_cost_per_token, …}]`: the range from 0 is the base
    /// (where the entry has none), the others are tiers above their `from`.
    static func tiered(_ value: JSONValue?, into amounts: inout [Slot: Decimal], _ check: inout RecordCheck) {
        guard case .array(let ranges)? = value else { return }
        for (i, item) in ranges.enumerated() {
            let r = item.members ?? [:]
            guard case .array(let bounds)? = r["range"], let from = check.count(bounds.first, field: "tiered_pricing[\(i)].range")
            else { continue }
            for key in r.keys.sorted() {
                guard let (slot, scale) = slot(key, mode: nil), slot.variant == .standard, slot.above == 0,
                    let raw = check.price(r[key], field: "tiered_pricing[\(i)].\(key)")
                else { continue }
                let amount = scale == .perToken ? UnitConversion.perMillion(fromPerToken: raw) : raw
                let tierSlot = Slot(variant: .standard, unit: slot.unit, above: from)
                if from > 0 || amounts[tierSlot] == nil { amounts[tierSlot] = amount }
            }
        }
    }
}
