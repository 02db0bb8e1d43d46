import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, and the same stream for the same seed
/// on every platform, so bootstrap intervals and simulations are reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` by multiply-shift (Lemire). Its bias, at most bound / 2⁶⁴, is far
    /// below anything a bootstrap can see, and unlike `Int.random(in:using:)` the algorithm is
    /// ours, so a toolchain update cannot change published intervals.
    mutating func index(below bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
