import Foundation

/// Picks indices in proportion to fixed weights (cumulative table + binary search).
struct WeightedPicker {
    private let cumulative: [Double]

    init(weights: [Double]) {
        precondition(!weights.isEmpty, "WeightedPicker needs at least one weight")
        var running = 0.0
        cumulative = weights.map { running += $0; return running }
    }

    /// Zipf-like weights 1/rank^exponent assigned to `count` items in a shuffled rank order,
    /// so item 0 is not always the largest. Exponent ≈ 1 gives the familiar 80/20 shape.
    static func zipfWeights(count: Int, exponent: Double, rng: inout SplitMix64) -> [Double] {
        var ranks = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            ranks.swapAt(i, rng.int(in: 0...i))
        }
        return ranks.map { 1.0 / Foundation.pow(Double($0 + 1), exponent) }
    }

    func pick(_ rng: inout SplitMix64) -> Int {
        let target = rng.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) >> 1
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
