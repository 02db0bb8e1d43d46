import Foundation
import NIOConcurrencyHelpers

/// Randomness for behaviour (jitter, sampling), injected through `AppDependencies` so tests
/// can seed it. Not for secrets: those come from `SiteCrypto`.
struct RandomSource: Sendable {
    let next: @Sendable () -> UInt64

    static let system = RandomSource {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }

    /// SplitMix64 from `seed`: the same seed gives the same sequence on every platform.
    static func seeded(_ seed: UInt64) -> RandomSource {
        let state = NIOLockedValueBox(seed)
        return RandomSource {
            state.withLockedValue { s in
                s &+= 0x9E37_79B9_7F4A_7C15
                var z = s
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
    }

    func int(in range: Range<Int>) -> Int {
        var generator = self.generator
        return Int.random(in: range, using: &generator)
    }

    /// 128 bits as 32 hex digits: an identifier (a device id; its cookie is signed, so it need not be secret).
    func hex128() -> String {
        String(next(), radix: 16).leftPadded(to: 16) + String(next(), radix: 16).leftPadded(to: 16)
    }

    /// For APIs that take `inout some RandomNumberGenerator`.
    var generator: Generator { Generator(source: self) }

    /// A `RandomNumberGenerator` drawing from this source.
    struct Generator: RandomNumberGenerator {
        let source: RandomSource
        mutating func next() -> UInt64 { source.next() }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
