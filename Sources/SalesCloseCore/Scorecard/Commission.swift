/// Commission of one salesperson for one span (提成), exact to the cent.
///
/// Achievement is actual revenue ÷ target; without a target (or a zero one) there is no tier and
/// no commission. `whole`: base × the rate of the tier whose threshold is the highest at or below
/// the achievement, rounded half away from zero to the cent. `progressive`: the base is split
/// over the achievement slices [tierᵢ, tierᵢ₊₁) up to the achievement in proportion to each
/// slice's width in revenue (largest remainder, so the slices sum to the base exactly); each slice
/// earns its tier's rate, rounded to the cent. Then the cap, if any. A negative base earns nothing.
public struct Commission: Sendable, Equatable {
    public var base: Money
    /// The tier the achievement falls in (its threshold), nil below the first or without a target.
    public var tier: Double?
    /// commission ÷ base (for `whole`, the tier's rate); nil when the base is not positive.
    public var rate: Double?
    public var amount: Money

    public init(base: Money, tier: Double?, rate: Double?, amount: Money) {
        self.base = base; self.tier = tier; self.rate = rate; self.amount = amount
    }

    public init(base: Money, actual: Int64, target: Int64?, settings: CommissionSettings) {
        self.base = base
        guard let target, target > 0, base > .zero else {
            self = Commission(base: base, tier: nil, rate: base > .zero ? 0 : nil, amount: .zero)
            return
        }
        let index = settings.tiers.lastIndex { Double(actual) >= $0.from * Double(target) }
        tier = index.map { settings.tiers[$0].from }
        func micro(_ rate: Double) -> Int128 { Int128(Int64((rate * 1_000_000).rounded())) }
        func charge(_ amount: Int64, _ rate: Double) -> Int64 { roundedDivision(Int128(amount) * micro(rate), 1_000_000) }
        var units: Int64 = 0
        if let index {
            switch settings.mode {
            case .whole:
                units = charge(base.minorUnits, settings.tiers[index].rate)
            case .progressive:
                // Slice widths in revenue units: from each tier's threshold to the next one's, or to the actual.
                let edges = settings.tiers.map { Int64(($0.from * Double(target)).rounded()) }
                var widths = [Int64](repeating: 0, count: settings.tiers.count + 1)
                widths[0] = max(0, min(actual, edges[0]))
                for i in 0...index {
                    let upper = i + 1 < edges.count ? min(actual, edges[i + 1]) : actual
                    widths[i + 1] = max(0, upper - edges[i])
                }
                if widths.contains(where: { $0 > 0 }) {
                    let slices = largestRemainderSplit(base.minorUnits, weights: widths)
                    units = (0...index).reduce(0) { $0 + charge(slices[$1 + 1], settings.tiers[$1].rate) }
                }
            }
        }
        if let cap = settings.cap { units = min(units, cap.minorUnits) }
        amount = Money(minorUnits: units)
        rate = Double(units) / Double(base.minorUnits)
        if settings.mode == .whole, let index, settings.cap.map({ units < $0.minorUnits }) ?? true {
            rate = settings.tiers[index].rate
        }
    }
}
