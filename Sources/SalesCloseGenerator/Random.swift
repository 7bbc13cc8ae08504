import Foundation

/// SplitMix64: a small, fast, fully deterministic pseudo-random generator.
/// The generator never reads a system entropy source, so a seed reproduces every byte of output.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for an independent stream, derived from this one's seed and a stream label.
    func fork(_ stream: UInt64) -> SplitMix64 {
        var copy = SplitMix64(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return copy
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform integer in `range` (both ends included).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Geometric count 0, 1, 2 … with the given mean.
    mutating func geometric(mean: Double) -> Int {
        Int(-Foundation.log(1.0 - unit()) * mean)
    }

    /// One element of a non-empty array.
    mutating func element<T>(of items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}
