import SalesCloseCore

/// `[x, y]` pairs in increasing `x` order: scoring bands (threshold, points) and commission
/// tiers (achievement, rate).
private func pairs(_ what: String) -> ValueCodec<[(Double, Double)]> {
    let arrays = ValueCodec<Double>.array(of: ValueCodec<Double>.array(of: .number))
    return ValueCodec(read: { v in
        let a = try arrays.read(v)
        guard !a.isEmpty, a.allSatisfy({ $0.count == 2 }) else {
            throw ValueProblem(message: "expected [[\(what)], …] pairs such as [[0.8, 60], [1.0, 100]]")
        }
        guard zip(a, a.dropFirst()).allSatisfy({ $0[0] < $1[0] }) else {
            throw ValueProblem(message: "the first numbers of the pairs must increase")
        }
        return a.map { ($0[0], $0[1]) }
    }, literal: { p in arrays.literal(p.map { [$0.0, $0.1] }) },
       shown: { p in p.map { "\($0.0) → \($0.1)" }.joined(separator: ", ") })
}

extension ValueCodec where T == ScoringBands {
    static var bands: ValueCodec<ScoringBands> {
        let p = pairs("threshold, points")
        return ValueCodec(read: { ScoringBands(try p.read($0)) },
                          literal: { p.literal($0.breakpoints.map { ($0.threshold, $0.points) }) },
                          shown: { p.shown($0.breakpoints.map { ($0.threshold, $0.points) }) })
    }
}

extension ScorecardSettings {
    static var keys: [SettingKey<ScorecardSettings>] {
        [SettingKey("scoring", \.mode, .choice(ScoringBands.Mode.self))]
            + ScorecardKPI.allCases.flatMap { kpi in
                [SettingKey("\(kpi.rawValue)_weight", \ScorecardSettings.[weight: kpi], .number,
                            check: { $0 >= 0 ? nil : "must not be negative" }),
                 SettingKey("\(kpi.rawValue)_bands", \ScorecardSettings.bands[kpi], .bands, unsetComment: "not scored")]
            }
    }

    static func validate(_ s: ScorecardSettings) -> (key: String, message: String)? {
        let sum = ScorecardKPI.allCases.reduce(0) { $0 + s.weight($1) }
        return abs(sum - 1) < 1e-6 ? nil : ("", "the KPI weights must sum to 1, they sum to \(sum)")
    }
}

extension ValueCodec where T == [CommissionSettings.Tier] {
    static var tiers: ValueCodec<[CommissionSettings.Tier]> {
        let p = pairs("achievement, rate")
        return ValueCodec(read: { try p.read($0).map { CommissionSettings.Tier(from: $0.0, rate: $0.1) } },
                          literal: { p.literal($0.map { ($0.from, $0.rate) }) },
                          shown: { p.shown($0.map { ($0.from, $0.rate) }) })
    }
}

extension ValueCodec where T == Money {
    /// An amount such as `5000` or `5000.50`, exact to the cent.
    static var money: ValueCodec<Money> {
        ValueCodec(read: { Money(rounding: try ValueCodec<Double>.number.read($0)) },
                   literal: { tomlNumber($0.doubleValue) }, shown: { $0.description })
    }
}

extension CommissionSettings {
    static var keys: [SettingKey<CommissionSettings>] {
        [
            SettingKey("base", \.base, .choice(Base.self)),
            SettingKey("mode", \.mode, .choice(Mode.self)),
            SettingKey("tiers", \.tiers, .tiers, check: { tiers in
                tiers.allSatisfy { $0.rate >= 0 && $0.from >= 0 } ? nil : "achievements and rates must not be negative"
            }),
            SettingKey("cap", \.cap, .money, unsetComment: "no cap", check: { $0 > .zero ? nil : "must be positive" }),
        ]
    }
}
