/// `[scorecard]`: each KPI's weight and scoring bands, and how bands score.
public struct ScorecardSettings: Sendable, Equatable {
    public var mode: ScoringBands.Mode = .step
    public var weights: [ScorecardKPI: Double] = [
        .achievementRate: 0.30, .yoyGrowth: 0.10, .marginRate: 0.15, .collectionRate: 0.15,
        .overdueShare: 0.10, .newCustomers: 0.10, .onTimeRate: 0.10,
    ]
    public var bands: [ScorecardKPI: ScoringBands] = [
        .achievementRate: ScoringBands([(0, 0), (0.8, 60), (0.9, 80), (1.0, 100)]),
        .yoyGrowth: ScoringBands([(-0.1, 0), (0, 60), (0.1, 80), (0.2, 100)]),
        .marginRate: ScoringBands([(0.2, 0), (0.3, 60), (0.35, 80), (0.4, 100)]),
        .collectionRate: ScoringBands([(0.5, 0), (0.7, 60), (0.85, 80), (0.95, 100)]),
        .overdueShare: ScoringBands([(0, 100), (0.05, 80), (0.1, 60), (0.2, 0)]),
        .newCustomers: ScoringBands([(0, 0), (1, 60), (2, 80), (3, 100)]),
        .onTimeRate: ScoringBands([(0.8, 0), (0.9, 60), (0.95, 80), (0.98, 100)]),
    ]
    public init() {}

    public func weight(_ kpi: ScorecardKPI) -> Double { weights[kpi] ?? 0 }

    /// The KPI's weight, 0 when it has none.
    public subscript(weight kpi: ScorecardKPI) -> Double {
        get { weights[kpi] ?? 0 }
        set { weights[kpi] = newValue }
    }
}
