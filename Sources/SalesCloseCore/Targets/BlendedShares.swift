/// The shares of a blended allocation over some items (months, or the units below a target).
///
/// Each factor's values (non-negative integers, one per item) become shares of their sum. A
/// factor whose values are all zero, or that is missing, has no data: its weight is spread over
/// the other factors in proportion to their weights (the blend is Σ wᵢ·sᵢ ÷ Σ wᵢ over the
/// factors with data). With no factor left the items are weighted evenly.
struct BlendedShares {
    /// Each factor's share of every item; nil for a factor without data.
    let factorShares: [BlendFactor: [Double]?]
    /// The blended share of every item (sums to 1).
    let shares: [Double]
    /// The integer weights for `largestRemainderSplit` (the shares in units of 10⁻¹²).
    let weights: [Int64]
    /// The factors with a weight but no data, whose weight was redistributed.
    let missing: [BlendFactor]
    /// No weighted factor had data, so the items are weighted evenly.
    let isEven: Bool

    init(count: Int, blend: BlendWeights, values: [BlendFactor: [Int64]]) {
        var factorShares: [BlendFactor: [Double]?] = [:]
        var used = 0.0
        var shares = [Double](repeating: 0, count: count)
        var missing: [BlendFactor] = []
        for factor in BlendFactor.allCases {
            let v = values[factor].map { $0.map { max(0, $0) } }
            let sum = v?.reduce(0, +) ?? 0
            guard let v, sum > 0 else {
                factorShares[factor] = .some(nil)
                if blend[factor] > 0 { missing.append(factor) }
                continue
            }
            let s = v.map { Double($0) / Double(sum) }
            factorShares[factor] = s
            guard blend[factor] > 0 else { continue }
            used += blend[factor]
            for i in 0..<count { shares[i] += blend[factor] * s[i] }
        }
        if used > 0 {
            shares = shares.map { $0 / used }
        } else {
            shares = [Double](repeating: 1 / Double(count), count: count)
        }
        self.factorShares = factorShares
        self.shares = shares
        self.missing = missing
        isEven = used == 0
        let scaled = shares.map { Int64(($0 * 1e12).rounded()) }
        weights = scaled.contains { $0 > 0 } ? scaled : [Int64](repeating: 1, count: count)
    }

    /// Why factors were left out, for the data-quality output; nil when all had data.
    func note(what: String) -> String? {
        guard !missing.isEmpty else { return nil }
        if isEven { return "blend: no factor has data for \(what); allocated evenly" }
        let names = missing.map(\.rawValue).joined(separator: ", ")
        return "blend: no \(names) data for \(what); \(missing.count == 1 ? "its weight is" : "their weights are") spread over the other factors"
    }
}
